"""A quicker copy of the shipped encoder, for questions: made once on this machine.

The pinned model stores its weights as int8 but computes in float32 (each weight is cast
and scaled back when the session starts), so every question pays for float matrix
products. Folding those weights and quantising them again per channel, for integer
products with the activations quantised on the fly (onnxruntime's dynamic
quantisation), makes a question's vector about twice as quick to compute. The copy is
made from the hash-checked model, offline, in about four seconds, and kept in a cache
folder under a key naming the model's hash and the versions that made it.

Only questions use it. Documents keep the shipped model's vectors, so an index needs no
re-embedding; a question's quick vector lies within cosine 0.98 of the shipped one
(tests/assistant/retrieval/test_quick_model.py), and on the labelled retrieval questions
hybrid MRR moved from 0.908 to 0.906 when it was measured (docs/benchmarks.md). Without
the `onnx` package, or where the cache cannot be written, questions use the shipped
model as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["QUICK_RECIPE", "default_cache_dir", "quick_model"]

QUICK_RECIPE = 1  # raise when the way the copy is made changes: old copies are not reused


def default_cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """VRN_CACHE_DIR, else $XDG_CACHE_HOME/vrn, else ~/.cache/vrn."""
    env = os.environ if environ is None else environ
    if env.get("VRN_CACHE_DIR"):
        return Path(env["VRN_CACHE_DIR"])
    base = env.get("XDG_CACHE_HOME") or str(Path(env.get("HOME", "~")).expanduser() / ".cache")
    return Path(base) / "vrn"


def quick_model(model: Path, model_sha256: str, cache_dir: Path) -> Path | None:
    """The quick copy of `model` (already checked to have `model_sha256`), made if need be.

    None when it cannot be made here: `onnx` is not installed, or the cache folder cannot
    be written. A copy whose recorded hash no longer matches is made again."""
    try:
        import onnx
        import onnxruntime
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError:
        return None
    key = hashlib.sha256(
        f"{model_sha256} {onnx.__version__} {onnxruntime.__version__} {QUICK_RECIPE}".encode()
    ).hexdigest()[:16]
    target = cache_dir / f"minilm-query-{key}.onnx"
    stamp = target.with_suffix(".sha256")
    if target.is_file() and stamp.is_file() and _sha256(target) == stamp.read_text().strip():
        return target
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache_dir, prefix=".making-") as work:
            folded = Path(work) / "folded.onnx"
            quick = Path(work) / "quick.onnx"
            options = onnxruntime.SessionOptions()
            # Basic optimisation folds the cast-and-scale of each int8 weight into floats.
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
            options.optimized_model_filepath = str(folded)
            options.log_severity_level = 3
            onnxruntime.InferenceSession(
                str(model), sess_options=options, providers=["CPUExecutionProvider"]
            )
            logging.disable(logging.WARNING)  # its advice to pre-process is not for users
            try:
                quantize_dynamic(
                    str(folded), str(quick), per_channel=True, weight_type=QuantType.QInt8
                )
            finally:
                logging.disable(logging.NOTSET)
            digest = _sha256(quick)
            # The stamp goes last: a copy without it is never taken for a finished one.
            os.replace(quick, target)
            pending = Path(work) / "stamp"
            pending.write_text(digest + "\n")
            os.replace(pending, stamp)
    except (OSError, RuntimeError, ValueError):  # onnxruntime's failures are RuntimeErrors
        return None
    return target


def _sha256(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
