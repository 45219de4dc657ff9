# The files the pages load from /static/: the design system (DKFDS, installed by `npm ci` into
# node_modules from package-lock.json) under <build>/static/dkfds/, and samskab's own
# (src/web/static/) under <build>/static/. `samskab serve` serves <build>/static by default:
# the folder "static" next to the executable.
#
# Without node_modules (npm ci has not run) the pages still work, unstyled; `make build` runs
# npm ci first.

set(SAMSKAB_STATIC_DIR ${PROJECT_BINARY_DIR}/static)
set(samskab_dkfds_dist ${PROJECT_SOURCE_DIR}/node_modules/dkfds/dist)
file(GLOB samskab_own_static CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/web/static/*)

set(samskab_static_outputs "")
set(samskab_static_commands "")
if(EXISTS ${samskab_dkfds_dist}/css/dkfds.min.css)
  # Only what the pages use: the stylesheet and what it refers to (fonts, icons), and the
  # script for anyone who adds it later (the pages do not rely on it).
  set(samskab_dkfds_stamp ${SAMSKAB_STATIC_DIR}/dkfds/.copied)
  add_custom_command(
    OUTPUT ${samskab_dkfds_stamp}
    COMMAND ${CMAKE_COMMAND} -E rm -rf ${SAMSKAB_STATIC_DIR}/dkfds
    COMMAND ${CMAKE_COMMAND} -E make_directory ${SAMSKAB_STATIC_DIR}/dkfds/css
            ${SAMSKAB_STATIC_DIR}/dkfds/js
    COMMAND ${CMAKE_COMMAND} -E copy ${samskab_dkfds_dist}/css/dkfds.min.css
            ${SAMSKAB_STATIC_DIR}/dkfds/css/
    COMMAND ${CMAKE_COMMAND} -E copy ${samskab_dkfds_dist}/js/dkfds.min.js
            ${SAMSKAB_STATIC_DIR}/dkfds/js/
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${samskab_dkfds_dist}/fonts
            ${SAMSKAB_STATIC_DIR}/dkfds/fonts
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${samskab_dkfds_dist}/img
            ${SAMSKAB_STATIC_DIR}/dkfds/img
    COMMAND ${CMAKE_COMMAND} -E touch ${samskab_dkfds_stamp}
    DEPENDS ${PROJECT_SOURCE_DIR}/package-lock.json ${samskab_dkfds_dist}/css/dkfds.min.css
    COMMENT "Copying the design system (dkfds) to ${SAMSKAB_STATIC_DIR}/dkfds"
    VERBATIM)
  list(APPEND samskab_static_outputs ${samskab_dkfds_stamp})
else()
  message(WARNING "node_modules/dkfds is missing (run `npm ci`, or `make build`): the pages "
                  "will be served without the design system's styles")
endif()

foreach(file IN LISTS samskab_own_static)
  get_filename_component(name ${file} NAME)
  add_custom_command(
    OUTPUT ${SAMSKAB_STATIC_DIR}/${name}
    COMMAND ${CMAKE_COMMAND} -E copy ${file} ${SAMSKAB_STATIC_DIR}/${name}
    DEPENDS ${file}
    VERBATIM)
  list(APPEND samskab_static_outputs ${SAMSKAB_STATIC_DIR}/${name})
endforeach()

add_custom_target(samskab_static ALL DEPENDS ${samskab_static_outputs})
if(TARGET samskab)
  add_dependencies(samskab samskab_static)
endif()
