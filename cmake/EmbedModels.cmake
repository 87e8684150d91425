# Writes OUT, a C++ source holding every model file in FILES (comma
# separated) as a raw string literal, so the built-in models need no files
# at run time. Run as a build step: cmake -DFILES=... -DOUT=... -P this.
string(REPLACE "," ";" FILES "${FILES}")
list(SORT FILES)
set(Delim "cxxescape_json")
set(Entries "")
foreach(F IN LISTS FILES)
  file(READ "${F}" Text)
  get_filename_component(Name "${F}" NAME)
  string(FIND "${Text}" ")${Delim}\"" Clash)
  if(NOT Clash EQUAL -1)
    message(FATAL_ERROR "${F}: contains the raw-string delimiter ')${Delim}\"'")
  endif()
  string(APPEND Entries
    "    {\"models/${Name}\", R\"${Delim}(${Text})${Delim}\"},\n")
endforeach()
list(LENGTH FILES Count)
if(Count EQUAL 0)
  # An empty array is not valid C++; a null entry marks the end.
  set(Entries "    {nullptr, nullptr},\n")
endif()
set(Source "// Generated from models/*.json by cmake/EmbedModels.cmake. Do not edit.
#include \"BuiltinModels.h\"

namespace cxxescape {
const BuiltinModelFile BuiltinModelFiles[] = {
${Entries}};
const unsigned NumBuiltinModelFiles = ${Count};
} // namespace cxxescape
")
# Rewrite only on change so an unrelated reconfigure recompiles nothing.
if(EXISTS "${OUT}")
  file(READ "${OUT}" Old)
  if(Old STREQUAL Source)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${Source}")
