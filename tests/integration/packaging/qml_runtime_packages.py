#!/usr/bin/env python3
"""Prints the Debian packages that provide the QML modules Convene imports at run time.

Usage: qml_runtime_packages.py QML_INSTALL_DIR SOURCE_DIR...

Follows each module's qmldir (`import`, `default import` and `depends` lines) so that modules
loaded indirectly, such as QtQuick.Templates through QtQuick.Controls, count as well.
Modules of the app itself (Convene.*) are compiled in and skipped.
"""
import pathlib
import re
import subprocess
import sys

IMPORT = re.compile(r"^\s*import\s+([A-Za-z][\w.]*)", re.MULTILINE)
QMLDIR_DEP = re.compile(r"^\s*(?:default\s+)?(?:import|depends)\s+([A-Za-z][\w.]*)", re.MULTILINE)


def imported_modules(source_dirs):
    modules = set()
    for source_dir in source_dirs:
        for qml in pathlib.Path(source_dir).rglob("*.qml"):
            modules.update(IMPORT.findall(qml.read_text(encoding="utf-8")))
    return {m for m in modules if not m.startswith("Convene")}


def closure(qml_root, modules):
    seen, queue = set(), sorted(modules)
    while queue:
        module = queue.pop()
        if module in seen:
            continue
        qmldir = qml_root / module.replace(".", "/") / "qmldir"
        if not qmldir.is_file():
            sys.exit(f"qml_runtime_packages: no qmldir for {module} at {qmldir}")
        seen.add(module)
        queue.extend(QMLDIR_DEP.findall(qmldir.read_text(encoding="utf-8")))
    return seen


def owning_package(path):
    out = subprocess.run(["dpkg", "-S", str(path)], capture_output=True, text=True, check=True).stdout
    return out.split(":", 1)[0].strip()


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    qml_root = pathlib.Path(sys.argv[1])
    modules = closure(qml_root, imported_modules(sys.argv[2:]))
    packages = {owning_package(qml_root / m.replace(".", "/") / "qmldir") for m in modules}
    print("\n".join(sorted(packages)))


if __name__ == "__main__":
    main()
