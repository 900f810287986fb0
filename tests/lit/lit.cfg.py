# lit configuration for tessel's FileCheck tests (CLI output, passes, diagnostics).
import os
import lit.formats

config.name = "tessel"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".test", ".mlir", ".hw", ".wl"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = config.lit_out_dir

path = os.pathsep.join([config.tessel_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
config.environment["PATH"] = path
# Sanitizer settings (the asan-ubsan test preset sets them) reach the tools the tests run.
for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
    if name in os.environ:
        config.environment[name] = os.environ[name]
config.substitutions.append(("%tessel_src", config.tessel_src_root))
config.substitutions.append(("%hwspecs", os.path.join(config.tessel_src_root, "hwspecs")))
config.substitutions.append(("%examples", os.path.join(config.tessel_src_root, "examples")))
# Headless Chromium renders the HTML report (Sweep/report-chromium.test); install-deps.sh
# installs it, and CI (CI=true) must not skip the test silently.
import shutil
if shutil.which("chromium"):
    config.available_features.add("chromium")
elif os.environ.get("CI") == "true":
    lit_config.fatal("chromium not found: run scripts/install-deps.sh (packages chromium "
                     "chromium-driver)")
# The test plugins (tests/plugins), one per loader failure mode.
config.substitutions.append(("%test_plugins", config.test_plugins_dir))
# tessel sweep --mpi: `REQUIRES: mpi` tests run only when CMake found MPI (OpenMPI's mpirun).
if config.tessel_have_mpi == "ON":
    config.available_features.add("mpi")
    mpirun = config.mpiexec + " --allow-run-as-root --oversubscribe"
    # Under AddressSanitizer, OpenMPI's own start-up allocations (in MCA components it dlopens,
    # so no library name to suppress) are reported as leaks at exit: no leak checking for the
    # ranks. tessel's sweep code is leak-checked by the tests that run it without MPI.
    if "ASAN_OPTIONS" in os.environ:
        mpirun = "env ASAN_OPTIONS=" + os.environ["ASAN_OPTIONS"] + ":detect_leaks=0 " + mpirun
    config.substitutions.append(("%mpirun", mpirun))
