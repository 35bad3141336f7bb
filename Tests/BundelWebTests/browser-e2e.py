"""Drives bundel-web in headless Chromium as a person would (BrowserEndToEndTests runs it).

Usage: browser-e2e.py BASE_URL NETWORK_ZIP DOWNLOAD_DIR SCREENSHOT_DIR TABLES_DIR

Uploads the network ZIP on the networks page, fills in the scenario form, plans the scenario,
watches the run page until the verdict shows, checks the report inline, and downloads plan.json
by clicking its link; then plans a second scenario and compares the two runs from the runs page;
last, makes a network from the three CSV files in TABLES_DIR with the networks page's form. Takes a screenshot of each page. Prints one line per step; exits 1 on the
first failure, 3 when Selenium is missing. Every wait is bounded.
"""

import os
import sys
import time

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("missing Python module: selenium")
    sys.exit(3)

base, network_zip, downloads, shots, tables = sys.argv[1:6]
options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1400", "--hide-scrollbars"]:
    options.add_argument(argument)
options.add_experimental_option(
    "prefs", {"download.default_directory": downloads, "download.prompt_for_download": False}
)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
# Generous: in the whole test suite the server may wait minutes for a thread (never a speed
# limit, only how long to wait before calling the page dead).
TIMEOUT = 600
driver.set_page_load_timeout(TIMEOUT)
wait = WebDriverWait(driver, TIMEOUT)


def step(text):
    print(text, flush=True)


def shot(name):
    driver.save_screenshot(os.path.join(shots, f"web-{name}.png"))


try:
    driver.get(base + "/networks")
    shot("networks")
    driver.find_element(By.CSS_SELECTOR, "#upload input[type=file]").send_keys(network_zip)
    driver.find_element(By.CSS_SELECTOR, "#upload button").click()
    wait.until(ready.url_matches(r"/networks/\d+$"))
    network_url = driver.current_url
    assert "Site one" in driver.page_source, "the network page lacks its sites"
    assert driver.find_elements(By.CSS_SELECTOR, "svg.map"), "the network page lacks its map"
    step("uploaded the network: " + driver.current_url)
    shot("network")

    driver.find_element(By.LINK_TEXT, "New scenario for this network").click()
    wait.until(ready.presence_of_element_located((By.ID, "scenario")))
    name = driver.find_element(By.NAME, "name")
    name.clear()
    name.send_keys("Small via the hub")
    driver.find_element(By.CSS_SELECTOR, "input[name=hubFleet][value=e-van]").click()
    Select(driver.find_element(By.NAME, "baselineDays")).select_by_value("balanced")
    limit = driver.find_element(By.NAME, "timeLimitSeconds")
    limit.clear()
    limit.send_keys("10")
    shot("scenario-form")
    driver.find_element(By.CSS_SELECTOR, "#scenario button[type=submit]").click()
    wait.until(ready.url_matches(r"/scenarios/\d+$"))
    step("saved the scenario: " + driver.current_url)
    shot("scenario")

    driver.find_element(By.CSS_SELECTOR, "button[data-kind=plan]").click()
    wait.until(ready.url_matches(r"/runs/\d+$"))
    step("started the run: " + driver.current_url)
    verdict = WebDriverWait(driver, TIMEOUT).until(ready.presence_of_element_located((By.CSS_SELECTOR, "p.verdict")))
    assert verdict.text.startswith("Verdict:"), verdict.text
    assert driver.find_element(By.ID, "status").text == "finished"
    step("the run finished: " + verdict.text)
    frame = driver.find_element(By.CSS_SELECTOR, "iframe.report")
    shot("run")
    driver.switch_to.frame(frame)
    WebDriverWait(driver, TIMEOUT).until(ready.presence_of_element_located((By.CSS_SELECTOR, "svg")))
    assert "Verdict" in driver.page_source, "the inline report lacks its verdict"
    driver.switch_to.default_content()
    step("the report shows inline")

    driver.find_element(By.LINK_TEXT, "plan.json").click()
    target = os.path.join(downloads, "plan.json")
    deadline = time.time() + TIMEOUT
    while not os.path.exists(target) and time.time() < deadline:
        time.sleep(0.2)
    assert os.path.exists(target), "plan.json was not downloaded"
    time.sleep(0.5)  # Chromium renames the finished download into place; let it settle
    step("downloaded plan.json")

    # A second scenario, planned too, then both runs compared from the runs page.
    driver.get(network_url.replace("/networks/", "/scenarios/new?network="))
    name = wait.until(ready.presence_of_element_located((By.NAME, "name")))
    name.clear()
    name.send_keys("Small, least CO2e")
    driver.find_element(By.CSS_SELECTOR, "input[name=hubFleet][value=e-van]").click()
    Select(driver.find_element(By.NAME, "objective")).select_by_value("co2e")
    Select(driver.find_element(By.NAME, "baselineDays")).select_by_value("balanced")
    limit = driver.find_element(By.NAME, "timeLimitSeconds")
    limit.clear()
    limit.send_keys("10")
    driver.find_element(By.CSS_SELECTOR, "#supplier-fleets summary").click()
    Select(driver.find_element(By.CSS_SELECTOR, "select[data-supplier=far]")).select_by_value("van")
    driver.find_element(By.CSS_SELECTOR, "#scenario button[type=submit]").click()
    wait.until(ready.url_matches(r"/scenarios/\d+$"))
    assert "far: [van]" in driver.find_element(By.CSS_SELECTOR, "pre.yaml").text, "the scenario lacks the supplier's own fleet"
    driver.find_element(By.CSS_SELECTOR, "button[data-kind=plan]").click()
    wait.until(ready.url_matches(r"/runs/\d+$"))
    WebDriverWait(driver, TIMEOUT).until(ready.presence_of_element_located((By.CSS_SELECTOR, "p.verdict")))
    step("planned a second scenario")

    driver.get(base + "/runs")
    boxes = driver.find_elements(By.CSS_SELECTOR, "input[name=compareRun]")
    assert len(boxes) == 2, f"{len(boxes)} runs to compare"
    for box in boxes:
        box.click()
    shot("runs")
    driver.find_element(By.ID, "compare-selected").click()
    wait.until(ready.url_matches(r"/compare\?runs=\d+,\d+$"))
    table = wait.until(ready.presence_of_element_located((By.ID, "comparison")))
    shot("compare")
    assert "least CO2e" in table.text, "the comparison lacks the second scenario"
    assert "vehicle-km" in table.text, "the comparison lacks its figures"
    frame = driver.find_element(By.CSS_SELECTOR, "iframe.report")
    driver.switch_to.frame(frame)
    WebDriverWait(driver, TIMEOUT).until(ready.presence_of_element_located((By.CSS_SELECTOR, "svg")))
    assert "least CO2e" in driver.page_source, "the comparison report lacks the second scenario"
    driver.switch_to.default_content()
    step("compared the two runs: " + driver.current_url)

    driver.get(base + "/networks")
    form = driver.find_element(By.ID, "network-form")
    form.find_element(By.NAME, "name").send_keys("small from tables")
    for name in ["sites", "suppliers", "flows"]:
        form.find_element(By.NAME, name).send_keys(os.path.join(tables, name + ".csv"))
    for name, value in [("hubId", "hub"), ("hubName", "Test hub"), ("hubLat", "52.329"), ("hubLon", "4.938"),
                        ("hubFixed", "100"), ("hubHandling", "2"), ("hubCages", "200"), ("hubKg", "20000")]:
        form.find_elements(By.NAME, name)[0].send_keys(value)
    Select(form.find_elements(By.NAME, "hubCrossDock")[0]).select_by_value("next_day")
    form.find_element(By.NAME, "perDeliveryMinutes").send_keys("2")
    for vehicle in ["diesel-van", "e-van"]:
        form.find_element(By.CSS_SELECTOR, f"input[name=vehicleTypes][value={vehicle}]").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait.until(ready.url_matches(r"/networks/\d+$"))
    assert "Site one" in driver.page_source and "small from tables" in driver.page_source
    step("made a network from its tables: " + driver.current_url)
    print("ok")
except Exception as error:  # one line for the Swift test to show
    print(f"FAILED at {driver.current_url}: {type(error).__name__}: {error}")
    sys.exit(1)
finally:
    driver.quit()
