#!/usr/bin/env python3
"""packaging/qml-runtime-packages.txt lists every package the QML needs at run time, and the
check that says so notices any one of them left out.

Usage: check_qml_runtime_list.py SOURCE_DIR QML_ROOT SCANNER
"""
import pathlib
import subprocess
import sys
import tempfile


def check(tool, source, qml_root, scanner, listed):
    return subprocess.run(
        [sys.executable, str(tool), "--check", "--source", str(source), "--list", str(listed),
         "--qml-root", str(qml_root), "--scanner", str(scanner)],
        capture_output=True, text=True)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    source, qml_root, scanner = map(pathlib.Path, sys.argv[1:])
    tool = source / "tools" / "qml-runtime-packages.py"
    checked_in = source / "packaging" / "qml-runtime-packages.txt"

    result = check(tool, source, qml_root, scanner, checked_in)
    sys.stdout.write(result.stdout)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        sys.exit("FAIL: the checked-in list does not match what the QML imports")

    # The same check on copies of the list that each lack one package must fail and name it.
    lines = checked_in.read_text(encoding="utf-8").splitlines(keepends=True)
    packages = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if not packages:
        sys.exit("FAIL: the checked-in list names no package")
    with tempfile.TemporaryDirectory() as work:
        for package in packages:
            shorter = pathlib.Path(work) / "list.txt"
            shorter.write_text("".join(l for l in lines if l.strip() != package), encoding="utf-8")
            result = check(tool, source, qml_root, scanner, shorter)
            if result.returncode == 0 or f"missing: {package}" not in result.stderr:
                sys.exit(f"FAIL: the check passed a list without {package}:\n{result.stdout}{result.stderr}")
    print(f"PASS: leaving out any one of the {len(packages)} packages fails the check")


if __name__ == "__main__":
    main()
