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
