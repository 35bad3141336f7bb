"""Writes the example delivery log of README's "From a delivery log to a plan".

Run from this folder: python3 make-delivery-log.py (needs openpyxl: pip install openpyxl).
A goods-reception log, as a Dutch organisation would export it from Excel, for four suppliers of
the amsterdam-campuses network delivering to the Roeterseiland buildings: ten weeks from
Monday 5 January 2026, the spring holiday week (16 February) without deliveries. Each flow of
networks/amsterdam-campuses/flows.csv is delivered as often as it says, on fixed weekdays, with
its weekly quantity split over the deliveries and 10 % noise; one delivery in 25 comes a day
late. Suppliers and buildings are named as people write them, not by id. Two rows are faulty on
purpose (a date that does not parse, a row entered twice), to show how the import lists them.
leveringen.xlsx holds the dates as Excel dates; leveringen.csv is the same log as Excel saves
"CSV (semicolon separated)" in a Dutch locale: semicolons, decimal commas, day-first dates.
"""

import csv
import datetime
import os
import random

import openpyxl

NETWORK = os.path.join("..", "..", "networks", "amsterdam-campuses")
SUPPLIERS = ["pap-a", "pap-b", "cat-b", "cln-c"]
DAYS = {1: [[1], [2], [3]], 2: [[0, 3], [1, 4]], 3: [[0, 2, 4]], 4: [[0, 1, 3, 4]], 5: [[0, 1, 2, 3, 4]]}
START = datetime.date(2026, 1, 5)
WEEKS = 10
HOLIDAY = 6
HEADER = ["Leverdatum", "Leverancier", "Locatie", "Gewicht (kg)", "Rolcontainers", "Opmerking"]


def table(name):
    with open(os.path.join(NETWORK, name), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def main():
    random.seed(20)
    suppliers = {row["id"]: row for row in table("suppliers.csv")}
    sites = {row["id"]: row for row in table("sites.csv")}
    rows = []
    for flow in table("flows.csv"):
        if flow["supplier"] not in SUPPLIERS or not flow["site"].startswith("rtl-"):
            continue
        per_week = int(flow["deliveries_per_week"])
        days = random.choice(DAYS[per_week])
        supplier = suppliers[flow["supplier"]]
        for week in range(WEEKS):
            if week == HOLIDAY:
                continue
            for day in days:
                date = START + datetime.timedelta(days=7 * week + day)
                if random.random() < 0.04 and day < 4:
                    date += datetime.timedelta(days=1)
                noise = random.uniform(0.9, 1.1)
                kg = round(float(flow["kg"]) / per_week * noise, 1)
                cages = round(float(flow["cages"]) / per_week * noise, 2)
                rows.append(
                    [date, supplier["name"], sites[flow["site"]]["name"], kg, cages, ""]
                )
    rows.sort(key=lambda row: (row[0], row[1], row[2]))
    bad = list(rows[40])
    bad[0], bad[5] = "31-02-2026", "datum onleesbaar"
    rows.insert(41, bad)
    rows.insert(90, list(rows[89]))

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Leveringen"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
        if isinstance(row[0], datetime.date):
            sheet.cell(row=sheet.max_row, column=1).number_format = "d-m-yyyy"
    book.save("leveringen.xlsx")

    with open("leveringen.csv", "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for date, supplier, site, kg, cages, note in rows:
            text = f"{date.day}-{date.month}-{date.year}" if isinstance(date, datetime.date) else date
            writer.writerow([text, supplier, site, str(kg).replace(".", ","), str(cages).replace(".", ","), note])


if __name__ == "__main__":
    main()
