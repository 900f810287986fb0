# Install rules: the tessel tool (component tessel_runtime) and the cost-model library, its
# headers and the find_package(tessel) package for plugins (component tessel_development).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(TESSEL_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/tessel)

install(TARGETS tessel
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tessel_runtime)
# The tool links LLVM/MLIR's shared libraries from their own folder: keep finding them there.
set_target_properties(tessel PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)

install(TARGETS TesselCost EXPORT tesselTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT tessel_development)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/costmodels/include/tessel
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT tessel_development
  FILES_MATCHING PATTERN "*.h")
install(EXPORT tesselTargets NAMESPACE tessel::
  DESTINATION ${TESSEL_CMAKE_INSTALL_DIR} COMPONENT tessel_development)

configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/tesselConfig.cmake.in
  ${PROJECT_BINARY_DIR}/tesselConfig.cmake
  INSTALL_DESTINATION ${TESSEL_CMAKE_INSTALL_DIR})
# Plugins follow TESSEL_PLUGIN_API_VERSION; the package version only guards the C++ types, which
# may change with any minor version before 1.0.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tesselConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/tesselConfig.cmake
  ${PROJECT_BINARY_DIR}/tesselConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/TesselPlugin.cmake
  DESTINATION ${TESSEL_CMAKE_INSTALL_DIR} COMPONENT tessel_development)
