"""classifiers: label posts attack / substantive / other and name the target of an attack.

Inference only needs onnxruntime and tokenizers; training code lives in
classifiers.training and is imported only by `civmon train`.
"""
