# tessel_add_plugin(<name> <source>...): builds a tessel cost-model plugin as a MODULE library
# (<name>.so) against tessel::TesselCost. Used in-tree by the tests and installed with the tessel
# CMake package for out-of-tree plugins (docs/plugins.md).
#
# The plugin links its own copy of the static TesselCost library; hidden visibility and
# --exclude-libs keep every symbol but the tesselPluginInfo entry point private, so two plugins
# (or a plugin and the host) never bind to each other's copies.
function(tessel_add_plugin name)
  if(NOT ARGN)
    message(FATAL_ERROR "tessel_add_plugin(${name}) needs at least one source file")
  endif()
  add_library(${name} MODULE ${ARGN})
  target_link_libraries(${name} PRIVATE tessel::TesselCost)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(NOT APPLE)
    target_link_options(${name} PRIVATE "LINKER:--exclude-libs,ALL")
  endif()
endfunction()
