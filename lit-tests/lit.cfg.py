# lit configuration for the cxx-escape end-to-end tests.
import os
import lit.formats

config.name = "cxx-escape"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "utils", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)

config.environment["PATH"] = os.pathsep.join(
    [config.cxx_escape_bin_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
# Findings quote source paths; keep the locale stable.
config.environment["LC_ALL"] = "C"

tool = os.path.join(config.cxx_escape_bin_dir, "cxx-escape")
config.substitutions.append(("%cxx-escape", tool))
config.substitutions.append(("%FileCheck", os.path.join(config.llvm_tools_dir, "FileCheck")))
config.substitutions.append(("%not", os.path.join(config.llvm_tools_dir, "not")))
# Every rule test runs the tool on its own file with these flags.
config.substitutions.append(("%escape", tool + " --checks='escape-*'"))
config.substitutions.append(("%std", "-std=c++20"))
# %expect-exit N cmd...: the command must exit with code N.
config.substitutions.append(("%expect-exit", "python3 " + os.path.join(
    config.test_source_root, "utils", "expect_exit.py")))

# The clang-tidy module and the compiler plugin (lit-tests/tidy, lit-tests/plugin).
# The features come from CMake, not from the files' existence: a module that
# should have been built but is missing makes its tests fail, not skip.
tidy_module = os.path.join(config.cxx_escape_lib_dir, "CxxEscapeTidyModule.so")
clang_plugin = os.path.join(config.cxx_escape_lib_dir, "CxxEscapeClangPlugin.so")
if config.cxx_escape_tidy_module == "ON":
    config.available_features.add("tidy-module")
if config.cxx_escape_clang_plugin == "ON":
    config.available_features.add("clang-plugin")
config.substitutions.append(("%tidy-module", tidy_module))
config.substitutions.append(("%clang-plugin", clang_plugin))
# Always the LLVM 19 binaries: /usr/bin/clang-tidy may be another version.
clang_tidy = os.path.join(config.llvm_tools_dir, "clang-tidy")
config.substitutions.append(("%run-clang-tidy", "python3 " + os.path.join(
    config.llvm_tools_dir, "run-clang-tidy") + " -clang-tidy-binary " + clang_tidy))
# %tidy: clang-tidy with the module and only the escape-* checks the CLI runs
# by default (not the escape-lifetimebound suggestion), so a module
# that fails to load gives "Error: no checks enabled." instead of silence.
config.substitutions.append(("%tidy", clang_tidy + " -load=" + tidy_module +
                             " -checks='-*,escape-*,-escape-lifetimebound'"))
config.substitutions.append(("%clang-tidy", clang_tidy))
config.substitutions.append(("%clangxx", os.path.join(config.llvm_tools_dir, "clang++")))
config.substitutions.append(("%{cxx_escape_bin_dir}", config.cxx_escape_bin_dir))
config.substitutions.append(("%{cxx_escape_lib_dir}", config.cxx_escape_lib_dir))

# %validate-json SCHEMA FILE...: JSON Schema validation (lit-tests/formats).
# Debian's python3-jsonschema belongs to /usr/bin/python3; another python3 on
# PATH may have its own. With neither, the tests fail: they never skip.
import subprocess
def _has_jsonschema(python):
    try:
        return subprocess.call([python, "-c", "import jsonschema"],
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL) == 0
    except OSError:
        return False
_schema_python = "/usr/bin/python3" if _has_jsonschema("/usr/bin/python3") else "python3"
config.substitutions.append(("%validate-json", _schema_python + " " + os.path.join(
    config.test_source_root, "formats", "Inputs", "validate_json.py")))
config.substitutions.append(("%sarif-schema", os.path.join(
    config.test_source_root, "formats", "Inputs", "sarif-schema-2.1.0.json")))

# Heapify fix-its (lit-tests/fixes, lit-tests/html): the GC runtime to build
# fixed programs against, and a headless Chromium to render the HTML report.
config.substitutions.append(("%gc-include", os.path.join(
    config.cxx_escape_src_root, "lib", "Runtime", "include")))
config.substitutions.append(("%gc-lib", config.gc_runtime_lib))
config.substitutions.append(("%examples", os.path.join(
    config.cxx_escape_src_root, "examples")))
config.substitutions.append(("%render-dom", "python3 " + os.path.join(
    config.test_source_root, "utils", "render_dom.py")))
