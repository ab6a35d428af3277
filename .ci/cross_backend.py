"""The same model on any Keras backend, across two environments: `.ci/run` saves the reference model (notebook 25,
`skin_cancer_nb.backends`) on TensorFlow, saves it and checks TensorFlow's on JAX (in the environment without
TensorFlow), then checks JAX's on TensorFlow: probabilities within 1e-4 and Grad-CAM heatmaps within 1e-3.

    python .ci/cross_backend.py save DIR
    python .ci/cross_backend.py check DIR
"""
from __future__ import annotations
import sys
from skin_cancer_nb.backends import save_reference, check_references

if __name__ == '__main__':
    mode, folder = sys.argv[1], sys.argv[2]
    if mode == 'save': print(f"saved {save_reference(folder)}"); sys.exit(0)
    table = check_references(folder)
    print(table.to_string(index=False) if len(table) else f"no model saved on another backend in {folder}")
    sys.exit(0 if len(table) and table.same.all() else 1)
