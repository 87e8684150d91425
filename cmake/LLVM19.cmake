# Finds Debian's LLVM/Clang 19 and defines the interface target
# cxxescape::llvm. LLVMConfigVersion only accepts an exact major.minor, so
# find without a version and check the major ourselves.
if(NOT LLVM_DIR AND EXISTS /usr/lib/llvm-19/lib/cmake/llvm)
  set(LLVM_DIR /usr/lib/llvm-19/lib/cmake/llvm)
endif()
if(NOT Clang_DIR AND EXISTS /usr/lib/llvm-19/lib/cmake/clang)
  set(Clang_DIR /usr/lib/llvm-19/lib/cmake/clang)
endif()
find_package(LLVM REQUIRED CONFIG)
if(NOT LLVM_VERSION_MAJOR EQUAL 19)
  message(FATAL_ERROR "cxx-escape needs LLVM 19, found ${LLVM_VERSION} in ${LLVM_DIR}")
endif()
find_package(Clang REQUIRED CONFIG)
message(STATUS "cxx-escape: LLVM ${LLVM_VERSION} from ${LLVM_DIR}")

add_library(cxxescape_llvm INTERFACE)
add_library(cxxescape::llvm ALIAS cxxescape_llvm)
target_include_directories(cxxescape_llvm SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(CXX_ESCAPE_LLVM_DEFS NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_options(cxxescape_llvm INTERFACE ${CXX_ESCAPE_LLVM_DEFS})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(cxxescape_llvm INTERFACE -fno-rtti)
endif()
target_link_libraries(cxxescape_llvm INTERFACE clang-cpp LLVM)

# Where the builtin headers (stddef.h, ...) live, so the tool finds them
# whether it runs from the build tree or from an install prefix.
execute_process(COMMAND ${LLVM_TOOLS_BINARY_DIR}/clang -print-resource-dir
  OUTPUT_VARIABLE CXX_ESCAPE_CLANG_RESOURCE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE CXX_ESCAPE_RESOURCE_RC)
if(NOT CXX_ESCAPE_RESOURCE_RC EQUAL 0 OR NOT CXX_ESCAPE_CLANG_RESOURCE_DIR)
  set(CXX_ESCAPE_CLANG_RESOURCE_DIR ${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR})
endif()
message(STATUS "cxx-escape: clang resource dir ${CXX_ESCAPE_CLANG_RESOURCE_DIR}")
