#!/usr/bin/env python3
"""Segments a test text with other segmenters, for Benchmarks/segment-pku.sh to score beside
Termbridge in the same run:

  jieba 0.42.1 (PyPI), precise mode with its default dictionary, HMM on (its default) and off;
  pkuseg's default model, run by spacy-pkuseg (PyPI wheel), when the model can be had: the
  model is not in the wheel (spacy-pkuseg downloads it from GitHub, unreachable from here),
  so it is taken from the source archive of the original `pkuseg` 0.0.25 on PyPI, which
  carries it.

Everything is installed into .cache/pylib and .cache/pkuseg (never committed); a segmenter
that cannot be installed is reported on standard error and left out. Benchmarks only.

  python3 Benchmarks/segment-others.py TEST OUTDIR
"""
import glob
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PYLIB = os.path.join(ROOT, ".cache", "pylib")
PKUSEG_MODEL = os.path.join(ROOT, ".cache", "pkuseg", "default")
sys.path.insert(0, PYLIB)


def note(message):
    print("segment-others: " + message, file=sys.stderr)


def pip(*arguments, env=None):
    command = [sys.executable, "-m", "pip", *arguments, "--quiet", "--disable-pip-version-check"]
    return subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def ensure(module, requirement):
    try:
        __import__(module)
        return True
    except ImportError:
        result = pip("install", "--target", PYLIB, requirement)
        if result.returncode != 0:
            note(f"cannot install {requirement}: {result.stderr.strip().splitlines()[-1:]}")
            return False
        __import__(module)
        return True


def pkuseg_model():
    """The default model of pkuseg 0.0.25, from its PyPI source archive; None when it cannot be had."""
    if os.path.exists(os.path.join(PKUSEG_MODEL, "weights.npz")):
        return PKUSEG_MODEL
    # Preparing the archive's metadata runs its setup.py, which needs numpy, Cython and wheel.
    if not (ensure("numpy", "numpy") and ensure("Cython", "cython") and ensure("wheel", "wheel")):
        return None
    with tempfile.TemporaryDirectory() as downloads:
        env = dict(os.environ, PYTHONPATH=PYLIB)
        result = pip("download", "--no-deps", "--no-binary", ":all:", "--no-build-isolation",
                     "--dest", downloads, "pkuseg==0.0.25", env=env)
        archives = glob.glob(os.path.join(downloads, "pkuseg-0.0.25.tar.gz"))
        if result.returncode != 0 or not archives:
            note("cannot download pkuseg 0.0.25 from PyPI: " + " ".join(result.stderr.strip().splitlines()[-1:]))
            return None
        os.makedirs(PKUSEG_MODEL, exist_ok=True)
        with tarfile.open(archives[0]) as tar:
            for member in tar.getmembers():
                if "/pkuseg/models/default/" in member.name and member.isfile():
                    with tar.extractfile(member) as source, open(os.path.join(PKUSEG_MODEL, os.path.basename(member.name)), "wb") as out:
                        out.write(source.read())
    return PKUSEG_MODEL if os.path.exists(os.path.join(PKUSEG_MODEL, "weights.npz")) else None


def write(path, lines):
    with open(path, "w", encoding="utf-8") as out:
        for words in lines:
            out.write(" ".join(w for w in words if w.strip()) + "\n")


def main(test, outdir):
    os.makedirs(outdir, exist_ok=True)
    with open(test, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if ensure("jieba", "jieba==0.42.1"):
        import jieba
        jieba.setLogLevel(60)
        jieba.initialize()
        write(os.path.join(outdir, "jieba-hmm.txt"), (jieba.lcut(line, HMM=True) for line in lines))
        write(os.path.join(outdir, "jieba.txt"), (jieba.lcut(line, HMM=False) for line in lines))
        print("jieba", jieba.__version__)
    if ensure("spacy_pkuseg", "spacy-pkuseg"):
        model = pkuseg_model()
        if model:
            import spacy_pkuseg
            import warnings
            warnings.simplefilter("ignore")
            segmenter = spacy_pkuseg.pkuseg(model_name=model)
            write(os.path.join(outdir, "pkuseg.txt"), (segmenter.cut(line) for line in lines))
            print("pkuseg default model (pkuseg 0.0.25) via spacy-pkuseg")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
