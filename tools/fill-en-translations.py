#!/usr/bin/env python3
"""English is the source language: make every entry of convene_en.ts its own translation.

Run after the lupdate target so that the English catalogue stays complete. Plural entries
(%n) keep the singular form written by hand; new ones get the source text in both forms and
are listed, so their singular can be written.
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

path = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "translations/convene_en.ts")
tree = ET.parse(path)
changed = 0
for message in tree.getroot().iter("message"):
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    if translation.get("type") in ("unfinished", None) and (translation.text or "") != message.findtext("source"):
        changed += 1
    if message.get("numerus") == "yes":
        forms = [form.text or "" for form in translation.findall("numerusform")]
        if translation.get("type") != "unfinished" and len(forms) == 2 and all(forms):
            continue
        for form in list(translation):
            translation.remove(form)
        for _ in range(2):
            ET.SubElement(translation, "numerusform").text = message.findtext("source")
        print(f"needs a singular form: {message.findtext('source')}")
    else:
        translation.text = message.findtext("source")
    translation.attrib.pop("type", None)
tree.write(path, encoding="utf-8", xml_declaration=True)
print(f"{path.name}: {changed} entries filled")
