"""Writes the XLSX fixtures of BundelImportTests and their CSV twins.

Run from this folder: python3 make-fixtures.py (needs openpyxl: pip install openpyxl).
twin.xlsx holds the rows of twin.csv: the delivery date as an Excel date (a serial number in
the file), the same date as text in a second column, supplier names as text and quantities as
numbers. openpyxl writes text as inline strings; twin-shared.xlsx is the same workbook with a
shared string table, as Excel and LibreOffice write text. The second sheet, Orders, holds the
first four rows, for reading a sheet by name.
"""

import csv
import datetime
import re
import zipfile

import openpyxl

HEADER = ["Leverdatum", "Datum tekst", "Leverancier", "Locatie", "Gewicht (kg)", "Rolcontainers", "Productgroep"]
FLOWS = [
    # supplier, site, weekdays (0 = Monday), kg, cages, product group
    ("Bakkerij Zon", "site-a", [0, 3], 120.0, 2, "food"),
    ("Bakkerij Zon", "site-b", [2], 40.5, 1, "food"),
    ("Papier & Co", "site-a", [1], 310.25, 3, "paper"),
]


def rows():
    start = datetime.date(2026, 3, 2)  # a Monday
    out = []
    for week in range(3):
        for supplier, site, days, kg, cages, group in FLOWS:
            for day in days:
                date = start + datetime.timedelta(days=7 * week + day)
                out.append((date, supplier, site, kg + week, cages, group))
    return out


def dutch(date):
    return f"{date.day}-{date.month}-{date.year}"


def main():
    data = rows()
    with open("twin.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for date, supplier, site, kg, cages, group in data:
            writer.writerow([date.isoformat(), dutch(date), supplier, site, repr(kg), cages, group])

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Leveringen"
    sheet.append(HEADER)
    for date, supplier, site, kg, cages, group in data:
        sheet.append([date, dutch(date), supplier, site, kg, cages, group])
    orders = book.create_sheet("Orders")
    orders.append(HEADER)
    for date, supplier, site, kg, cages, group in data[:4]:
        orders.append([date, dutch(date), supplier, site, kg, cages, group])
    book.save("twin.xlsx")

    # openpyxl writes text as inline strings; twin-shared.xlsx is the same workbook with a
    # shared string table instead, as Excel and LibreOffice write it.
    with zipfile.ZipFile("twin.xlsx") as source:
        strings = []

        def shared(match):
            attributes, text = match.group(1), match.group(2)
            if text not in strings:
                strings.append(text)
            return f'<c{attributes} t="s"><v>{strings.index(text)}</v></c>'

        sheets = {}
        for item in source.infolist():
            if item.filename.startswith("xl/worksheets/"):
                text = source.read(item.filename).decode()
                sheets[item.filename] = re.sub(r'<c([^>]*?) t="inlineStr"><is><t>(.*?)</t></is></c>', shared, text)
        table = "".join(f"<si><t>{text}</t></si>" for text in strings)
        shared_xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(strings)}" uniqueCount="{len(strings)}">{table}</sst>'
        )
        with zipfile.ZipFile("twin-shared.xlsx", "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename in sheets:
                    content = sheets[item.filename].encode()
                elif item.filename == "[Content_Types].xml":
                    content = content.replace(
                        b"</Types>",
                        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                    )
                elif item.filename == "xl/_rels/workbook.xml.rels":
                    content = content.replace(
                        b"</Relationships>",
                        b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/'
                        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                    )
                target.writestr(item, content)
            target.writestr("xl/sharedStrings.xml", shared_xml)


if __name__ == "__main__":
    main()
