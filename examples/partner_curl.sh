#!/bin/sh
# How a partner system (in any language) uses the VRN HTTP API: two calls with curl.
#
# Start the service first, in the repository:   vrn serve            (http://127.0.0.1:8000)
# Then run:                                      sh examples/partner_curl.sh
# Another address:                               VRN_API=http://host:port sh examples/partner_curl.sh
#
# Every answer is JSON. An error is one JSON object too, with the HTTP status:
#   {"status": 422, "title": "Unprocessable Entity", "detail": "body.age: ...", "field": "body.age"}
# Send only the facts your system holds; leave out anything unknown (it is judged
# "unknown", never "no"). Never send names or contact details: the API needs none.
set -eu

API="${VRN_API:-http://127.0.0.1:8000}"

echo "1. Which programmes fit a 19-year-old held in Preston custody after a violent offence?"
# POST /eligibility: the case (docs/schemas/case.schema.json) plus an optional as_of date;
# the answer is the report (docs/schemas/report.schema.json): verdicts, each criterion's
# reason, what is unknown, availability, near misses and sources.
curl --silent --show-error --fail-with-body \
  --header 'Content-Type: application/json' \
  --data '{"age": 19, "place": "Preston", "setting": "police_custody", "offence": "violent", "as_of": "2020-11-15"}' \
  "$API/eligibility"
echo

echo "2. Which services reach Blackpool (Open Referral UK 3.0, first page of 10)?"
# GET /services: ORUK's paged list; search, taxonomy_term_id and taxonomy_id as the
# standard names them, and our extensions age, district and date (docs/api.md).
curl --silent --show-error --fail-with-body --get \
  --data-urlencode 'district=Blackpool' \
  --data-urlencode 'per_page=10' \
  "$API/services"
echo
