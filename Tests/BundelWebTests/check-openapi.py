"""Checks recorded API exchanges against docs/openapi.yaml (driven by OpenAPIConformanceTests).

Usage: check-openapi.py SPEC EXCHANGES.json
EXCHANGES is a list of {"method", "path", "status", "contentType", "body"} as the test saw them.
Each is matched to the spec's operation by path template; its status must be documented there,
its content type must be the documented one, and a JSON body must validate against the schema.
Every operation of the spec must have been exercised at least once. Prints one line per problem
and exits 1 when there is one; exits 3 when a needed module is missing.
"""

import json
import re
import sys

try:
    import yaml
    from openapi_schema_validator import OAS31Validator
    from openapi_spec_validator import validate as validate_spec
except ImportError as error:  # the Swift test turns this into a visible skip
    print(f"missing Python module: {error.name}")
    sys.exit(3)


def main():
    spec = yaml.safe_load(open(sys.argv[1]))
    validate_spec(spec)
    exchanges = json.load(open(sys.argv[2]))
    templates = []
    for template, item in spec["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "$"
        templates.append((re.compile(pattern), template, item))
    problems = []
    exercised = set()
    for exchange in exchanges:
        method, path, status = exchange["method"].lower(), exchange["path"].split("?")[0], str(exchange["status"])
        match = [(template, item) for pattern, template, item in templates if pattern.match(path)]
        if not match:
            problems.append(f"{method.upper()} {path}: no such path in the spec")
            continue
        template, item = match[0]
        operation = item.get(method)
        if operation is None:
            problems.append(f"{method.upper()} {template}: method not in the spec")
            continue
        exercised.add((method, template))
        response = operation["responses"].get(status)
        if response is None:
            problems.append(f"{method.upper()} {path}: status {status} not documented")
            continue
        if "$ref" in response:
            response = spec["components"]["responses"][response["$ref"].split("/")[-1]]
        content = response.get("content", {})
        given = exchange["contentType"].split(";")[0].strip()
        if given not in content and not (given and "application/octet-stream" in content):
            problems.append(f"{method.upper()} {path}: content type {given!r} not documented ({list(content)})")
            continue
        if given == "application/json" and given in content:
            schema = dict(content[given]["schema"])
            schema["components"] = spec["components"]
            try:
                body = json.loads(exchange["body"])
            except ValueError:
                problems.append(f"{method.upper()} {path}: body is not JSON")
                continue
            for error in OAS31Validator(schema).iter_errors(body):
                location = "/".join(str(part) for part in error.absolute_path)
                problems.append(f"{method.upper()} {path} {status}: at '{location}': {error.message}")
    for pattern, template, item in templates:
        for method in item:
            if method in ("get", "post", "put", "delete", "patch") and (method, template) not in exercised:
                problems.append(f"{method.upper()} {template}: not exercised by the test")
    for problem in problems:
        print(problem)
    print(f"{len(exchanges)} exchanges checked, {len(problems)} problems")
    sys.exit(1 if problems else 0)


main()
