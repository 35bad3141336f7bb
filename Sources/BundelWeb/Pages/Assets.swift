import Hummingbird

/// The pages' stylesheet and script, served by bundel-web itself.
enum Assets {
    static func add(to router: Router<some RequestContext>) {
        router.get("/static/app.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: css)))
        }
        router.get("/static/app.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: script)))
        }
    }

    static let css = """
        :root { --ink: #1d2a33; --muted: #5b6b75; --line: #d5dde2; --accent: #1f6f5c; --bad: #a4262c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: var(--ink); background: #f6f8f9; }
        header { display: flex; gap: 2rem; align-items: baseline; padding: .7rem 1.5rem; background: var(--accent); }
        header a { color: #fff; text-decoration: none; margin-right: 1rem; }
        header .brand { font-weight: 700; font-size: 1.2rem; }
        main { max-width: 1100px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        table { border-collapse: collapse; background: #fff; margin: .5rem 0 1rem; }
        th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        th { background: #eef2f4; }
        form.panel, .panel { background: #fff; border: 1px solid var(--line); padding: 1rem; margin: 1rem 0; }
        fieldset { border: 1px solid var(--line); margin: .6rem 0; }
        form.panel { overflow-x: auto; } form.panel h2 { margin-top: 0; }
        form.panel td input { width: 8rem; }
        #network-form td { padding: .25rem .3rem; }
        #network-form td input { width: 4.5rem; }
        #network-form td input[name=hubId], #network-form td input[name=hubName] { width: 6rem; }
        label { margin-right: 1rem; }
        button, .button { background: var(--accent); color: #fff; border: 0; padding: .45rem 1rem; cursor: pointer;
          text-decoration: none; display: inline-block; font: inherit; }
        button.secondary { background: #6b7b85; }
        .muted { color: var(--muted); }
        .problems { color: var(--bad); } .problems li { font-family: ui-monospace, monospace; }
        .verdict { font-size: 1.1rem; background: #fff; border-left: 5px solid var(--accent); padding: .7rem 1rem; }
        .status { font-weight: 700; } .status.failed, .status.cancelled, .status.interrupted { color: var(--bad); }
        pre.log { background: #1d2a33; color: #e6eef2; padding: .6rem; max-height: 16rem; overflow: auto; font-size: 13px; }
        pre.yaml { background: #fff; border: 1px solid var(--line); padding: .6rem; }
        iframe.report { width: 100%; height: 80vh; border: 1px solid var(--line); background: #fff; }
        svg.map { background: #fff; border: 1px solid var(--line); width: 100%; max-width: 640px; height: auto; }
        svg.map .site { fill: #2c7fb8; } svg.map .supplier { fill: #d95f0e; } svg.map .hub { fill: #1f6f5c; }
        svg.map .trip { fill: none; stroke-width: 1.5; stroke-opacity: .7; } svg.map .trip.direct { stroke: #d95f0e; }
        svg.map .trip.trunk { stroke: #7a5195; } svg.map .trip.hub-tour { stroke: #1f6f5c; }
        .legend .key.direct { background: #d95f0e; } .legend .key.trunk { background: #7a5195; } .legend .key.hub-tour { background: #1f6f5c; }
        .legend .key { display: inline-block; width: .8rem; height: .8rem; margin-left: 1rem; }
        .legend .site { background: #2c7fb8; } .legend .supplier { background: #d95f0e; } .legend .hub { background: #1f6f5c; }
        """

    /// Forms send JSON to the API and follow the answer; a run page listens to its events.
    static let script = """
        "use strict";
        function showProblems(box, body) {
          box.textContent = "";
          const title = document.createElement("p");
          title.textContent = body.error || "the request failed";
          box.appendChild(title);
          const list = document.createElement("ul");
          for (const problem of body.problems || []) {
            const item = document.createElement("li");
            item.textContent = problem.text;
            list.appendChild(item);
          }
          box.appendChild(list);
        }
        async function send(method, url, body, type) {
          const response = await fetch(url, { method, body, headers: type ? { "Content-Type": type } : {} });
          let json = {};
          try { json = await response.json(); } catch (e) { json = { error: "the server's answer was not JSON" }; }
          return { ok: response.ok, json };
        }
        document.addEventListener("DOMContentLoaded", () => {
          const upload = document.getElementById("upload");
          if (upload) upload.addEventListener("submit", async (event) => {
            event.preventDefault();
            const file = upload.querySelector("input[type=file]").files[0];
            if (!file) return;
            const result = await send("POST", "/api/networks", file, "application/zip");
            if (result.ok) location.href = "/networks/" + result.json.id;
            else showProblems(document.getElementById("problems"), result.json);
          });
          const scenario = document.getElementById("scenario");
          if (scenario) scenario.addEventListener("submit", async (event) => {
            event.preventDefault();
            const data = new FormData(scenario);
            const body = {
              networkId: Number(data.get("networkId")), name: data.get("name"),
              hubs: data.getAll("hubs"), hubFleet: data.getAll("hubFleet"), days: data.getAll("days"),
              supplierFleet: data.getAll("supplierFleet"),
              participation: data.get("participation"), objective: data.get("objective"),
              baselineDays: data.get("baselineDays"), timeLimitSeconds: Number(data.get("timeLimitSeconds")),
            };
            const supplierFleets = {};
            for (const select of scenario.querySelectorAll("select[name=supplierFleetOf]")) {
              if (select.value !== "") supplierFleets[select.dataset.supplier] = [select.value];
            }
            if (Object.keys(supplierFleets).length > 0) body.supplierFleets = supplierFleets;
            const result = await send("POST", "/api/scenarios", JSON.stringify(body), "application/json");
            if (result.ok) location.href = "/scenarios/" + result.json.id;
            else showProblems(document.getElementById("problems"), result.json);
          });
          for (const button of document.querySelectorAll("button[data-run]")) {
            button.addEventListener("click", async () => {
              const body = { kind: button.dataset.kind, scenarioIds: button.dataset.run.split(",").map(Number) };
              const result = await send("POST", "/api/runs", JSON.stringify(body), "application/json");
              if (result.ok) location.href = "/runs/" + result.json.id;
              else showProblems(document.getElementById("problems"), result.json);
            });
          }
          for (const button of document.querySelectorAll("button[data-builtin]")) {
            button.addEventListener("click", async () => {
              button.disabled = true;
              const result = await send("POST", "/api/builtin-networks/" + encodeURIComponent(button.dataset.builtin));
              if (result.ok) location.href = "/networks/" + result.json.id;
              else { button.disabled = false; showProblems(document.getElementById("problems"), result.json); }
            });
          }
          const networkForm = document.getElementById("network-form");
          if (networkForm) networkForm.addEventListener("submit", async (event) => {
            event.preventDefault();
            const data = new FormData(networkForm);
            const column = (name) => data.getAll(name).map(String);
            const ids = column("hubId"), names = column("hubName"), lats = column("hubLat"), lons = column("hubLon");
            const fixed = column("hubFixed"), handling = column("hubHandling");
            const cages = column("hubCages"), kg = column("hubKg"), crossDock = column("hubCrossDock"), cutOff = column("hubCutOff");
            const hubs = [];
            ids.forEach((id, row) => {
              if (id.trim() === "") return;
              const hub = { id: id.trim(), name: names[row] || id.trim(), lat: Number(lats[row]), lon: Number(lons[row]),
                fixedCostPerWeek: Number(fixed[row]) };
              if (handling[row] !== "") hub.handlingCostPerCage = Number(handling[row]);
              if (cages[row] !== "") hub.capacityCagesPerWeek = Number(cages[row]);
              if (kg[row] !== "") hub.capacityKgPerWeek = Number(kg[row]);
              if (crossDock[row] !== "") hub.crossDock = crossDock[row];
              if (cutOff[row] !== "") hub.cutOff = cutOff[row];
              hubs.push(hub);
            });
            const body = {
              name: data.get("name"), description: data.get("description"), hubs,
              vehicleTypes: data.getAll("vehicleTypes"),
              sitesCsv: await data.get("sites").text(), suppliersCsv: await data.get("suppliers").text(),
              flowsCsv: await data.get("flows").text(),
            };
            if (data.get("perDeliveryMinutes") !== "") body.perDeliveryMinutes = Number(data.get("perDeliveryMinutes"));
            const result = await send("POST", "/api/networks/form", JSON.stringify(body), "application/json");
            if (result.ok) location.href = "/networks/" + result.json.id;
            else showProblems(document.getElementById("form-problems"), result.json);
          });
          const compare = document.getElementById("compare-selected");
          if (compare) compare.addEventListener("click", async () => {
            const ids = [...document.querySelectorAll("input[name=compareRun]:checked")].map((box) => Number(box.value));
            if (ids.length < 2) showProblems(document.getElementById("problems"), { error: "tick two or more finished plans" });
            else location.href = "/compare?runs=" + ids.join(",");
          });
          const sweep = document.getElementById("sweep");
          if (sweep) sweep.addEventListener("submit", async (event) => {
            event.preventDefault();
            const data = new FormData(sweep);
            const body = {
              kind: "sweep", scenarioIds: [Number(sweep.dataset.scenario)], parameter: data.get("parameter"),
              values: String(data.get("values")).split(/\\s+/).filter((value) => value.length > 0),
            };
            const result = await send("POST", "/api/runs", JSON.stringify(body), "application/json");
            if (result.ok) location.href = "/runs/" + result.json.id;
            else showProblems(document.getElementById("problems"), result.json);
          });
          const cancel = document.getElementById("cancel");
          if (cancel) cancel.addEventListener("click", async () => {
            cancel.disabled = true;
            await send("POST", "/api/runs/" + cancel.dataset.run + "/cancel");
          });
          const live = document.getElementById("live");
          if (live) {
            const log = document.getElementById("log"), status = document.getElementById("status");
            const elapsed = document.getElementById("elapsed");
            const events = new EventSource("/api/runs/" + live.dataset.run + "/events");
            const tick = (data) => {
              if (data.elapsedSeconds !== undefined) elapsed.textContent = data.elapsedSeconds.toFixed(1) + " s";
              if (data.status) { status.textContent = data.status; status.className = "status " + data.status; }
            };
            events.addEventListener("status", (event) => tick(JSON.parse(event.data)));
            events.addEventListener("progress", (event) => {
              const data = JSON.parse(event.data);
              log.textContent += data.line + "\\n";
              log.scrollTop = log.scrollHeight;
              tick(data);
            });
            events.addEventListener("end", (event) => { tick(JSON.parse(event.data)); events.close(); location.reload(); });
          }
        });
        """
}
