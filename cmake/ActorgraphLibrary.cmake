# actorgraph_add_library(<module> [PUBLIC <targets>...] [PRIVATE <targets>...])
#
# One library per layer, laid out the same way: sources in <module>/src/*.cc,
# public headers in <module>/include/actorgraph/<module>/. Defines the target
# actorgraph_<module> with the alias actorgraph::<module>, carrying the
# project's options (actorgraph::options) and RapidJSON's headers privately.
function(actorgraph_add_library module)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "PUBLIC;PRIVATE")
  set(target actorgraph_${module})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/*.cc)
  add_library(${target} ${sources})
  add_library(actorgraph::${module} ALIAS ${target})
  target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  target_include_directories(${target} SYSTEM PRIVATE ${RAPIDJSON_INCLUDE_DIRS})
  target_link_libraries(${target} PUBLIC ${ARG_PUBLIC} actorgraph::options PRIVATE ${ARG_PRIVATE})
endfunction()
