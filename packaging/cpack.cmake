# CPack settings, included last from packaging/CMakeLists.txt.
# `cpack -G DEB` in the build folder writes one .deb per component;
# `cpack -G TGZ` one archive of the whole install tree; plain `cpack` both.
set(CPACK_PACKAGE_NAME retort)
set(CPACK_PACKAGE_VENDOR retort)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "retort maintainers <retort@localhost>")
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_STRIP_FILES ON)  # a stripped plugin keeps its .retort_plugin note
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "\\\\.db$")

set(retort_packages retort dev)
if(TARGET retort_postgresql)
  list(APPEND retort_packages postgresql)
endif()
if(TARGET retort_mariadb)
  list(APPEND retort_packages mariadb)
endif()
set(CPACK_COMPONENTS_ALL ${retort_packages})

# --- Debian: one package per component ---
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # name_version_arch.deb
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps computes the runtime-library dependencies (libsqlite3-0,
# libpqxx-6.4, libmariadb3, libboost-program-options1.74.0, libstdc++6, ...)
# from the ELF files, so they follow whatever the build actually linked.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(same_retort "retort (= ${CPACK_PACKAGE_VERSION})")

set(CPACK_DEBIAN_RETORT_PACKAGE_NAME retort)
set(CPACK_DEBIAN_RETORT_PACKAGE_SUGGESTS "retort-postgresql, retort-mariadb, retort-dev")
set(CPACK_COMPONENT_RETORT_DESCRIPTION
"database schema migrations, compiled, with pluggable dialects
 retort applies revisions (compiled C++ plugins or folders of .sql files)
 to a database, online or as an offline SQL script, keeping an
 alembic_version-style table. This package holds the retort command, the
 SQLite dialect, the sqldir revision provider, bash completion and the
 manual page.")

set(CPACK_DEBIAN_POSTGRESQL_PACKAGE_DEPENDS "${same_retort}")
set(CPACK_COMPONENT_POSTGRESQL_DESCRIPTION
"PostgreSQL dialect for retort
 Lets retort migrate PostgreSQL databases (postgresql:// and postgres://
 URLs) through libpqxx.")

set(CPACK_DEBIAN_MARIADB_PACKAGE_DEPENDS "${same_retort}")
set(CPACK_COMPONENT_MARIADB_DESCRIPTION
"MariaDB and MySQL dialect for retort
 Lets retort migrate MariaDB and MySQL databases (mariadb:// and mysql://
 URLs) through MariaDB Connector/C.")

set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "${same_retort}")
set(CPACK_DEBIAN_DEV_PACKAGE_RECOMMENDS "cmake (>= 3.16), g++ | c++-compiler")
set(CPACK_COMPONENT_DEV_DESCRIPTION
"SDK to write retort revision and dialect plugins
 The plugin ABI header (retort/abi.h), the header-only C++17 SDK and the
 CMake package: find_package(Retort) gives Retort::sdk and
 retort_add_revision_plugin(NAME SOURCES ...).")

# --- the archive: the same tree as the packages together, one top folder ---
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

include(CPack)
