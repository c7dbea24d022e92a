# retort_add_plugin(<name> SOURCES <file>...)
#
# Builds <name>.so, a retort plugin of any kind (the export macro in its
# sources decides which), the way retort's own plugins are built, in its tree
# and out of it: a MODULE library (loaded, never linked) without the "lib"
# prefix, in C++17, with hidden visibility and a version script that exports
# only retort_plugin_entry (two plugins must never bind to each other's SDK
# symbols), and -Wl,--no-undefined so a missing symbol fails the build
# instead of the `retort upgrade` that loads it. Needs the Retort::sdk target
# (find_package(Retort)). The version script sits next to this file.
#
# retort_add_revision_plugin(<name> SOURCES <file>...) is the same function
# under the name projects of retort 0.1 call.
include_guard(GLOBAL)

set(_retort_plugin_version_script "${CMAKE_CURRENT_LIST_DIR}/retort_plugin.map")

function(retort_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "retort_add_plugin(${name}): no SOURCES given")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "retort_add_plugin(${name}): unexpected arguments "
                        "'${ARG_UNPARSED_ARGUMENTS}' (expected SOURCES <file>...)")
  endif()
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Retort::sdk)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_STANDARD 17
    CXX_STANDARD_REQUIRED ON
    CXX_EXTENSIONS OFF
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON
    LINK_DEPENDS "${_retort_plugin_version_script}")
  target_link_options(${name} PRIVATE
    "LINKER:--no-undefined"
    "LINKER:--version-script=${_retort_plugin_version_script}")
endfunction()

function(retort_add_revision_plugin name)
  retort_add_plugin(${name} ${ARGN})
endfunction()
