#!/usr/bin/env python3
"""Man pages for termbridge, one per command, from the tool's own description of its commands.

    scripts/generate-man.py BINARY OUTPUT_DIR DATE

Reads `BINARY --experimental-dump-help` (swift-argument-parser's ToolInfo JSON) and writes
`termbridge.1`, `termbridge.glossary.1`, `termbridge.glossary.validate.1`, … in man(7) format,
UTF-8. Not swift-argument-parser's generate-manual plugin: its escaping (1.8.2) drops every
non-ASCII character, and Termbridge's help is full of Chinese examples, typographic quotes and
dashes. man-db passes UTF-8 pages through preconv, so they show as written.
"""
import json
import subprocess
import sys


def escape(text):
    """Text for a roff text line: backslashes, and a leading dot or quote neutralized."""
    lines = []
    for line in text.replace("\\", "\\e").split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def option_name(name):
    prefix = "--" if name["kind"] == "long" else "-"
    return (prefix + name["name"]).replace("-", "\\-")


def synopsis_item(argument):
    value = "\\fI" + escape(argument.get("valueName", "")) + "\\fR"
    if argument["kind"] == "positional":
        item = value
    else:
        name = "\\fB" + option_name(argument["preferredName"]) + "\\fR"
        item = name if argument["kind"] == "flag" else name + " " + value
    if argument.get("isRepeating"):
        item += " ..."
    return "[" + item + "]" if argument.get("isOptional") else item


def paragraphs(text):
    """Blank-line-separated paragraphs of `text` as roff, each after a .PP."""
    out = []
    for block in text.strip().split("\n\n"):
        if block.strip():
            out += [".PP", escape(block.strip())]
    return out


def page(command, path, date, version):
    name = " ".join(path)
    shown = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    title = "\\-".join(path).upper()
    lines = [
        f'.TH {title} 1 "{date}" "termbridge {version}" "Termbridge Manual"',
        ".SH NAME",
        escape(".".join(path)) + " \\- " + escape(command.get("abstract", "")),
        ".SH SYNOPSIS",
        ".B " + escape(name),
    ]
    subcommands = [s for s in command.get("subcommands", []) or [] if s.get("shouldDisplay", True)]
    if subcommands:
        lines.append("\\fIsubcommand\\fR")
    lines += [synopsis_item(a) for a in shown]
    if command.get("discussion") or command.get("abstract"):
        lines.append(".SH DESCRIPTION")
        lines += paragraphs(command.get("discussion") or command.get("abstract"))
    positionals = [a for a in shown if a["kind"] == "positional"]
    options = [a for a in shown if a["kind"] != "positional"]
    for heading, group in (("ARGUMENTS", positionals), ("OPTIONS", options)):
        if not group:
            continue
        lines.append(".SH " + heading)
        for argument in group:
            lines.append(".TP")
            if argument["kind"] == "positional":
                lines.append("\\fI" + escape(argument.get("valueName", "")) + "\\fR")
            else:
                names = ", ".join("\\fB" + option_name(n) + "\\fR" for n in argument.get("names", []))
                if argument["kind"] != "flag":
                    names += " \\fI" + escape(argument.get("valueName", "")) + "\\fR"
                lines.append(names)
            lines.append(escape(argument.get("abstract", "")))
            if argument.get("discussion"):
                discussion = argument["discussion"]
                if isinstance(discussion, dict):   # enumerated values: {"enumerated": {"values": [...]}}
                    values = discussion.get("enumerated", {}).get("values", [])
                    discussion = "\n".join(f"{v.get('value')}: {v.get('description', '')}" for v in values)
                lines += [".IP", escape(str(discussion))]
    if subcommands:
        lines.append(".SH SUBCOMMANDS")
        for sub in subcommands:
            lines += [".TP", "\\fB" + escape(sub["commandName"]) + "\\fR", escape(sub.get("abstract", ""))]
    lines.append(".SH SEE ALSO")
    related = [".".join(path[:-1])] if len(path) > 1 else []
    related += [".".join(path + [s["commandName"]]) for s in subcommands]
    lines.append(", ".join(f"\\fB{escape(r)}\\fR(1)" for r in related) if related else "termbridge help")
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, output, date = sys.argv[1:]
    dump = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True).stdout)
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.strip()

    def walk(command, path):
        if not command.get("shouldDisplay", True):
            return
        with open(f"{output}/{'.'.join(path)}.1", "w", encoding="utf-8") as out:
            out.write(page(command, path, date, version))
        for sub in command.get("subcommands", []) or []:
            walk(sub, path + [sub["commandName"]])

    walk(dump["command"], [dump["command"]["commandName"]])


if __name__ == "__main__":
    main()
