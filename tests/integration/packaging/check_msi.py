#!/usr/bin/env python3
"""Builds the Windows MSI with wixl from placeholder files and checks its tables with msiinfo.

This verifies the structure of the MSI (properties, registry, shortcut, upgrade, files), not a
Windows build of the app: the staged "binaries" are small text files made here.

Usage: check_msi.py BUILD_MSI_SH KEYS_TOOL VERSION
  KEYS_TOOL is convene-policy-templates; its --keys output lists each policy key's MSI property.
"""
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

POLICY_KEY = r"Software\Policies\Convene\Convene"
HKLM = "2"
COMPONENT_64BIT = 256

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(*args, cwd=None):
    result = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
    if result.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, args))} exited {result.returncode}\n{result.stdout}{result.stderr}")
    return result.stdout


def table(msi, name):
    """Rows of one table as dicts, from `msiinfo export` (IDT: names, types, key line, rows)."""
    text = run("msiinfo", "export", msi, name).replace("\r\n", "\n")
    lines = [line for line in text.split("\n") if line != ""]
    columns = lines[0].split("\t")
    rows = []
    for line in lines[3:]:
        cells = line.split("\t")
        rows.append(dict(zip(columns, cells + [""] * (len(columns) - len(cells)))))
    return rows


def stage_placeholders(stage):
    files = {
        "convene.exe": "placeholder for the Windows build of convene.exe\n",
        "Qt6Core.dll": "placeholder Qt6Core.dll\n",
        "platforms/qwindows.dll": "placeholder platform plugin\n",
        "qml/QtQuick/Controls/qmldir": "module QtQuick.Controls\n",
        "translations/qtbase_zh_CN.qm": "placeholder catalogue\n",
    }
    for name, text in files.items():
        path = stage / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return files


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    build_msi, keys_tool, version = sys.argv[1:]
    for tool in ("wixl", "wixl-heat", "msibuild", "msiinfo", "msiextract"):
        if not shutil.which(tool):
            sys.exit(f"FAIL: {tool} not found; install the Debian packages wixl and msitools (tools/install-deps.sh)")

    msi_properties = {}
    for line in run(keys_tool, "--keys").splitlines():
        key, _level, prop = line.split()
        if prop != "-":
            msi_properties[prop] = key
    check(len(msi_properties) >= 3, f"expected the MSI properties of the key list, got {msi_properties}")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        staged = stage_placeholders(tmp / "stage")
        msi = tmp / "convene.msi"
        run("bash", build_msi, tmp / "stage", version, msi)

        tables = set(run("msiinfo", "tables", msi).split())
        for name in ("Property", "Registry", "Shortcut", "MsiShortcutProperty", "Upgrade", "File", "Component",
                     "LaunchCondition"):
            check(name in tables, f"table {name} is missing")

        summary = run("msiinfo", "suminfo", msi)
        check(re.search(r"^Template: x64;1033$", summary, re.M), "the package is not marked x64")

        # Properties: product identity, per-machine, upgrade code, secure public properties.
        props = {row["Property"]: row["Value"] for row in table(msi, "Property")}
        wxs = (pathlib.Path(build_msi).parent / "convene.wxs").read_text()
        upgrade_code = re.search(r'UpgradeCode="([0-9A-F-]{36})"', wxs).group(1)
        check(props.get("UpgradeCode") == "{" + upgrade_code + "}", f"UpgradeCode is {props.get('UpgradeCode')}")
        check(props.get("ProductVersion") == version, f"ProductVersion is {props.get('ProductVersion')}")
        check(props.get("ProductName") == "Convene", "ProductName is not Convene")
        check(props.get("ALLUSERS") == "1", "not a per-machine package (ALLUSERS)")
        secure = props.get("SecureCustomProperties", "").split(";")
        for prop in msi_properties:
            check(prop in secure, f"{prop} is not in SecureCustomProperties")

        upgrades = table(msi, "Upgrade")
        check(any(row["UpgradeCode"] == "{" + upgrade_code + "}" and row["ActionProperty"] == "WIX_UPGRADE_DETECTED"
                  for row in upgrades), "no major-upgrade row in the Upgrade table")
        sequence = {row["Action"] for row in table(msi, "InstallExecuteSequence")}
        check("RemoveExistingProducts" in sequence, "RemoveExistingProducts is not scheduled")

        # Registry: one policy value per public property, written only when the property is given.
        components = {row["Component"]: row for row in table(msi, "Component")}
        registry = table(msi, "Registry")
        for prop, key in msi_properties.items():
            rows = [r for r in registry if r["Root"] == HKLM and r["Key"] == POLICY_KEY and r["Name"] == key]
            check(len(rows) == 1, f"no HKLM\\{POLICY_KEY}\\{key} value")
            if rows:
                check(f"[{prop}]" in rows[0]["Value"], f"policy {key} is not written from [{prop}]")
                component = components[rows[0]["Component_"]]
                check(component["Condition"] == prop, f"policy {key} is written without the condition {prop}")
                check(int(component["Attributes"]) & COMPONENT_64BIT, f"policy {key} would go to the 32-bit registry")
        launch = {row["Condition"] for row in table(msi, "LaunchCondition")}
        for prop in ("AUTOSTART",):
            check(any(prop in condition for condition in launch), f"no launch condition checks {prop}")

        # The convene:// URL protocol.
        def reg(key, name=""):
            return [r["Value"] for r in registry if r["Root"] == HKLM and r["Key"] == key and r["Name"] == name]
        check(reg(r"Software\Classes\convene") == ["URL:Convene Protocol"], "convene: protocol has no description")
        check(len(reg(r"Software\Classes\convene", "URL Protocol")) == 1, "convene: is not marked URL Protocol")
        check(reg(r"Software\Classes\convene\shell\open\command") == ['"[#ConveneExe]" "%1"'],
              "convene: links do not open convene.exe with the link")

        # Start-menu shortcut with the AppUserModelID.
        shortcuts = {row["Shortcut"]: row for row in table(msi, "Shortcut")}
        shortcut = shortcuts.get("StartMenuShortcut")
        check(shortcut is not None, "no Start-menu shortcut")
        if shortcut:
            check(shortcut["Directory_"] == "ProgramMenuFolder", "the shortcut is not in the Start menu")
            check(shortcut["Target"] == "[#ConveneExe]", "the shortcut does not start convene.exe")
        aumid = [r for r in table(msi, "MsiShortcutProperty")
                 if r["Shortcut_"] == "StartMenuShortcut" and r["PropertyKey"] == "System.AppUserModel.ID"]
        check(len(aumid) == 1 and aumid[0]["PropVariantValue"] == "Convene.Desktop",
              "the shortcut has no AppUserModelID")

        # Files: every staged file is in the File table and extracts with the same content.
        names = {row["FileName"].split("|")[-1] for row in table(msi, "File")}
        for name in staged:
            check(pathlib.Path(name).name in names, f"{name} is not in the File table")
        out = tmp / "extracted"
        out.mkdir()
        run("msiextract", "-C", out, msi)
        extracted = {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*") if p.is_file()}
        for name, text in staged.items():
            match = [path for path in extracted if path.endswith("Convene/" + name)]
            check(len(match) == 1 and extracted[match[0]] == text, f"{name} does not extract from the MSI intact")

    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print(f"PASS: MSI structure verified ({len(msi_properties)} public properties)")


if __name__ == "__main__":
    main()
