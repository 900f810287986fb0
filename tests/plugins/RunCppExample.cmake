# ctest driver (cmake -P): installs tessel's development component into a prefix in the build
# tree, configures and builds examples/plugins/cpp against it with find_package(tessel), then
# loads the built plugin into the tessel tool and checks what it registered.
# Variables: BINARY_DIR SOURCE_DIR WORK_DIR TESSEL GENERATOR CXX_COMPILER LAUNCHER BUILD_TYPE.
set(prefix ${WORK_DIR}/install)
set(build ${WORK_DIR}/build)
file(REMOVE_RECURSE ${WORK_DIR})

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}\n${err}")
  endif()
  set(output "${out}" PARENT_SCOPE)
endfunction()

function(expect text pattern)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "expected output matching '${pattern}', got:\n${text}")
  endif()
endfunction()

run("install" ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix}
    --component tessel_development)
run("configure" ${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/plugins/cpp -B ${build}
    -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER} -DCMAKE_BUILD_TYPE=${BUILD_TYPE})
run("build" ${CMAKE_COMMAND} --build ${build})
set(plugin ${build}/no_overlap_plugin.so)

run("tessel plugins" ${TESSEL} plugins --plugin ${plugin})
expect("${output}" "no-overlap +plugin no-overlap-example 1.0 \\(${plugin}\\)")
expect("${output}" "sram_ecc +plugin no-overlap-example 1.0 \\(${plugin}\\): on-chip SRAM with")

# Its model through `tessel eval` on the small convolution of tests/lit/Eval: the analytical
# model takes 320 cycles (compute 288, DRAM 36, GLB 320 transfer cycles); without overlap
# 288 + 36 + 320 = 644.
set(inputs ${SOURCE_DIR}/tests/lit/Eval/Inputs)
run("tessel eval" ${TESSEL} eval ${inputs}/tiny.hw ${inputs}/tiny.wl --layer conv
    --mapping ${inputs}/conv.json --plugin ${plugin} --cost-model no-overlap)
expect("${output}" "cost model no-overlap")
expect("${output}" "latency: 644 cycles, bound by GLB \\(compute 288 cycles\\)")
