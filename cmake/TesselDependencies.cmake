# Finds tessel's dependencies at their Debian 12 locations without user-supplied paths.
foreach(_llvm_root /usr/lib/llvm-19 /usr/local/opt/llvm@19 /opt/homebrew/opt/llvm@19)
  if(EXISTS "${_llvm_root}/lib/cmake/mlir/MLIRConfig.cmake")
    list(APPEND CMAKE_PREFIX_PATH "${_llvm_root}/lib/cmake")
    set(TESSEL_LLVM_ROOT "${_llvm_root}" CACHE PATH "LLVM 19 install root")
    break()
  endif()
endforeach()

find_package(Boost 1.74 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(MLIR REQUIRED CONFIG)
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "tessel needs LLVM/MLIR 19, found ${LLVM_PACKAGE_VERSION} (${MLIR_DIR})")
endif()
message(STATUS "tessel: MLIR ${LLVM_PACKAGE_VERSION} from ${MLIR_DIR}")

list(APPEND CMAKE_MODULE_PATH "${MLIR_CMAKE_DIR}" "${LLVM_CMAKE_DIR}")
include(TableGen)
include(AddLLVM)
include(AddMLIR)

# Debian ships lit as lit.py and no llvm-lit; FileCheck lives in LLVM's bin folder.
find_program(TESSEL_LIT NAMES lit.py llvm-lit lit
  HINTS "${TESSEL_LLVM_ROOT}/build/utils/lit" "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
if(NOT TESSEL_LIT)
  find_program(TESSEL_LIT NAMES lit.py llvm-lit lit)
endif()
set(LLVM_EXTERNAL_LIT "${TESSEL_LIT}" CACHE FILEPATH "lit driver" FORCE)
find_program(TESSEL_FILECHECK FileCheck HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
find_package(Python3 REQUIRED COMPONENTS Interpreter)

# All MLIR-facing targets link the one shared libMLIR (Debian builds LLVM as a dylib); this keeps
# links fast on small machines and avoids mixing static and shared copies of MLIR's registries.
function(tessel_mlir_target target)
  target_include_directories(${target} SYSTEM PUBLIC ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
  target_compile_options(${target} PRIVATE -fno-exceptions)
  target_link_libraries(${target} PUBLIC MLIR LLVM)
endfunction()

# MPI is optional: `tessel sweep --mpi` (compiler/lib/Sweep/Mpi.cpp) and its test exist only
# when it is found (Debian: libopenmpi-dev openmpi-bin); without it --mpi is a clear error.
option(TESSEL_ENABLE_MPI "Build tessel sweep --mpi when MPI is found" ON)
set(TESSEL_HAVE_MPI OFF)
if(TESSEL_ENABLE_MPI)
  find_package(MPI COMPONENTS C)
  if(MPI_C_FOUND)
    set(TESSEL_HAVE_MPI ON)
  endif()
endif()
if(TESSEL_HAVE_MPI)
  message(STATUS "tessel: MPI ${MPI_C_VERSION} found (${MPIEXEC_EXECUTABLE}): "
                 "tessel sweep --mpi is built and its test (Sweep/mpi.test) runs")
else()
  message(STATUS "tessel: MPI not found or disabled: tessel sweep --mpi reports an error and "
                 "its test (Sweep/mpi.test) is skipped; install libopenmpi-dev openmpi-bin")
endif()
