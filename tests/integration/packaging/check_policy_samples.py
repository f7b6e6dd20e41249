#!/usr/bin/env python3
"""Checks the sample policies and the macOS bundle metadata against Convene's key list.

Usage: check_policy_samples.py KEYS_TOOL SOURCE_DIR
  KEYS_TOOL is convene-policy-templates; --keys prints "key mandatory|recommended MSIPROPERTY|-".
Every key in packaging/macos/com.convene.desktop.mobileconfig and
packaging/linux/policy.conf.example must be a real policy key, and recommended values may only
be given for keys that allow them.
"""
import configparser
import pathlib
import plistlib
import subprocess
import sys

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    keys_tool, source = sys.argv[1], pathlib.Path(sys.argv[2])
    levels = {}
    for line in subprocess.run([keys_tool, "--keys"], capture_output=True, text=True, check=True).stdout.splitlines():
        key, level, _prop = line.split()
        levels[key] = level
    check(len(levels) > 5, f"the key list looks wrong: {levels}")

    def check_key(where, key, recommended):
        check(key in levels, f"{where}: unknown policy key {key}")
        if recommended and key in levels:
            check(levels[key] == "recommended", f"{where}: {key} cannot be a recommended value")

    # macOS configuration profile: a valid plist whose payload writes the app's preference domain.
    with open(source / "packaging/macos/com.convene.desktop.mobileconfig", "rb") as f:
        profile = plistlib.load(f)
    check(profile.get("PayloadType") == "Configuration", "mobileconfig: not a configuration profile")
    payloads = profile.get("PayloadContent", [])
    check(len(payloads) == 1 and payloads[0].get("PayloadType") == "com.convene.desktop",
          "mobileconfig: no payload for the domain com.convene.desktop")
    uuids = [profile.get("PayloadUUID")] + [p.get("PayloadUUID") for p in payloads]
    check(len(set(uuids)) == len(uuids) and all(uuids), "mobileconfig: payload UUIDs missing or repeated")
    for payload in payloads:
        settings = [k for k in payload if not k.startswith("Payload")]
        check(len(settings) >= 3, "mobileconfig: the sample sets too little to be useful")
        for key in settings:
            recommended = key.startswith("Recommended.")
            check_key("mobileconfig", key.removeprefix("Recommended."), recommended)

    # Linux policy file sample: [General] is mandatory, [Recommended] recommended.
    ini = configparser.ConfigParser()
    ini.optionxform = str
    ini.read(source / "packaging/linux/policy.conf.example", encoding="utf-8")
    check(set(ini.sections()) == {"General", "Recommended"}, f"policy.conf.example sections: {ini.sections()}")
    for section in ini.sections():
        for key in ini[section]:
            check_key("policy.conf.example", key, section == "Recommended")

    # macOS bundle: identifier and URL scheme (the template's ${...} placeholders are plain strings here).
    with open(source / "packaging/macos/Info.plist.in", "rb") as f:
        info = plistlib.load(f)
    check(info.get("CFBundleIdentifier") == "com.convene.desktop", "Info.plist: wrong CFBundleIdentifier")
    schemes = [s for t in info.get("CFBundleURLTypes", []) for s in t.get("CFBundleURLSchemes", [])]
    check(schemes == ["convene"], f"Info.plist: URL schemes are {schemes}")

    with open(source / "packaging/macos/entitlements.plist", "rb") as f:
        entitlements = plistlib.load(f)
    for name in ("com.apple.security.device.camera", "com.apple.security.device.audio-input"):
        check(entitlements.get(name) is True, f"entitlements.plist: {name} is not granted")

    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("PASS: policy samples and Info.plist match the key list")


if __name__ == "__main__":
    main()
