"""Linear-chain CRF tagging from a crfsuite model's weights, without crfsuite at tagging time.

Why: pycrfsuite takes a sentence as one list of attribute strings per token, converts every string
to C++ and looks it up in the model's string table on every call. With about fifty attributes per
token that was two thirds of the NER time, although the attributes are mostly the same few per
word. Here the weights are read once from the model file (`read_crfsuite`), the recogniser adds them
up per *group* of attributes that recur together (a word's own features, what a word tells its
neighbours; `linimasa.entities.ner_features.GroupedFeatures`), once per distinct word, and decodes
with numpy over all the sentences of an article at once.

The result is crfsuite's: the same sums (up to the order of floating-point additions), the Viterbi
path with crfsuite's tie-breaking (the lower label id wins), and the marginals by crfsuite's scaled
forward-backward recursion. `tests/entities/test_crf.py` compares tags and marginals with
pycrfsuite's own on real sentences. The model file format is crfsuite's ``crf1d`` model (header,
label and attribute string tables in CQDB form, feature records of 20 bytes), read with `struct`
and numpy.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CHUNK = struct.Struct("<4sII")
_CQDB = struct.Struct("<4sIIIII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


class ModelFormatError(ValueError):
    """The bytes are not a crfsuite linear-chain model this reader understands."""


@dataclass(frozen=True)
class Weights:
    """A crfsuite linear-chain model as arrays.

    ``state`` has one row per attribute (its weight towards each label) and one more row of zeros,
    at index `unknown`, for attributes the model does not know; ``transition[i, j]`` is the weight
    of label ``i`` followed by label ``j``.
    """

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray
    transition: np.ndarray

    @property
    def unknown(self) -> int:
        """The row of zeros: what an attribute outside the model adds."""
        return len(self.state) - 1


def _strings(model: bytes, offset: int) -> list[str]:
    """The strings of a CQDB chunk at ``offset``, by id.

    A record is ``id, size, bytes, NUL``; the backward array gives each id's record offset. The
    records are cut out of the buffer in one piece with numpy when they lie in id order (crfsuite
    writes them so), else one by one."""
    magic, _size, _flag, _order, count, backward = _CQDB.unpack_from(model, offset)
    if magic != b"CQDB":
        raise ModelFormatError("no string table where the header points")
    starts = np.frombuffer(model, dtype="<u4", count=count, offset=offset + backward).astype(np.int64) + offset
    if count == 0:
        return []
    if np.all(np.diff(starts) > 0):
        sizes = np.frombuffer(model, dtype="<u4", count=1, offset=int(starts[-1]) + 4)
        end = int(starts[-1]) + 8 + int(sizes[0])
        first = int(starts[0])
        keep = np.ones(end - first, dtype=bool)
        heads = (starts - first)[:, None] + np.arange(8)
        keep[heads.ravel()] = False
        region = np.frombuffer(model, dtype=np.uint8, count=end - first, offset=first)
        names = region[keep].tobytes().decode("utf-8").split("\0")[:-1]
        if len(names) == count:
            return names
    out = []
    for start in starts.tolist():
        size = struct.unpack_from("<I", model, start + 4)[0]
        out.append(model[start + 8 : start + 7 + size].decode("utf-8"))
    return out


def read_crfsuite(model: bytes) -> Weights:
    """The labels, attributes and weights of a crfsuite ``crf1d`` model file's bytes."""
    if len(model) < _HEADER.size:
        raise ModelFormatError("too short for a crfsuite model")
    (magic, _size, kind, _version, _num_features, num_labels, num_attrs, off_features, off_labels, off_attrs,
     _off_labelrefs, _off_attrrefs) = _HEADER.unpack_from(model, 0)
    if magic != b"lCRF" or kind != b"FOMC":
        raise ModelFormatError("not a crfsuite linear-chain (crf1d) model")
    labels = tuple(_strings(model, off_labels))
    names = _strings(model, off_attrs)
    if len(labels) != num_labels or len(names) != num_attrs:
        raise ModelFormatError("string tables do not match the header")
    chunk, _chunk_size, count = _CHUNK.unpack_from(model, off_features)
    if chunk != b"FEAT":
        raise ModelFormatError("no feature chunk where the header points")
    features = np.frombuffer(model, dtype=_FEATURE, count=count, offset=off_features + _CHUNK.size)
    kinds = features["type"]
    state = np.zeros((num_attrs + 1, num_labels))
    is_state = kinds == _STATE
    # np.add.at, not assignment: a repeated (attribute, label) pair would add up in crfsuite too.
    np.add.at(state, (features["src"][is_state], features["dst"][is_state]), features["weight"][is_state])
    transition = np.zeros((num_labels, num_labels))
    is_transition = kinds == _TRANSITION
    np.add.at(transition, (features["src"][is_transition], features["dst"][is_transition]),
              features["weight"][is_transition])
    return Weights(labels, dict(zip(names, range(len(names)), strict=True)), state, transition)


def _ends(lengths: Sequence[int]) -> dict[int, list[int]]:
    """The sentences (indices) that end at each position."""
    ends: dict[int, list[int]] = {}
    for s, n in enumerate(lengths):
        ends.setdefault(n - 1, []).append(s)
    return ends


def viterbi(emissions: np.ndarray, lengths: Sequence[int], transition: np.ndarray) -> list[list[int]]:
    """The best label path of each sentence.

    ``emissions`` is ``(sentences, longest, labels)``, each sentence's scores from position 0 and
    anything past its length ignored. All sentences advance together, a few numpy operations a
    step. At each step crfsuite keeps the first predecessor with the highest score and ends on the
    first label with the highest score; numpy's argmax does the same.
    """
    count, longest, labels = emissions.shape
    if count == 0:
        return []
    # delta[t, j, s]: sentence s's best score of label j at position t, kept for all t so that each
    # sentence's final scores are read at its own end in one step after the loop
    delta = np.empty((longest, labels, count))
    back = np.empty((longest, labels, count), dtype=np.intp)
    # scores[i, j, s]: label i of sentence s followed by label j. The predecessor axis first, so
    # that the maximum over it is an elementwise maximum of contiguous blocks, and the sentences
    # last, so that every operation runs along rows as long as the batch (with the labels last,
    # numpy steps through rows of nine); the same sums, the same maxima and the same first argmax
    scores = np.empty((labels, labels, count))
    after = transition[:, :, None]
    step = np.ascontiguousarray(emissions.transpose(1, 2, 0))
    delta[0] = step[0]
    for t in range(1, longest):
        np.add(delta[t - 1][:, None, :], after, out=scores)
        scores.argmax(axis=0, out=back[t])
        np.add(np.maximum.reduce(scores, axis=0), step[t], out=delta[t])
    last = np.asarray(lengths, dtype=np.intp) - 1
    best = delta[last, :, np.arange(count)].argmax(axis=1).tolist()
    pointers = back.transpose(2, 0, 1)
    paths = []
    for s, n in enumerate(lengths):
        state = best[s]
        path = [state] * n
        if n > 1:
            links = pointers[s, 1:n].tolist()
            for t in range(n - 1, 0, -1):
                state = links[t - 1][state]
                path[t - 1] = state
        paths.append(path)
    return paths


def marginals(emissions: np.ndarray, lengths: Sequence[int], transition: np.ndarray) -> np.ndarray:
    """``(sentences, longest, labels)``: the probability of each label at each position.

    The forward-backward recursion on exponentiated scores as crfsuite runs it, forward scores
    normalised to sum 1 at each position; the backward scores are normalised the same way (crfsuite
    divides them by the forward factors instead: a per-position constant either way, and the
    marginal at a position is the product of the two normalised to sum 1, which removes it). The
    forward and backward passes run as one batched operation a step. Positions past a sentence's end
    hold meaningless numbers."""
    count, longest, labels = emissions.shape
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        # Every operation below computes each number the same way whatever else is in the batch
        # (no BLAS product, whose blocking depends on the shapes; exp over a contiguous array), so a
        # sentence's marginals do not depend on the sentences tagged with it.
        exp_state = np.exp(np.ascontiguousarray(emissions.transpose(1, 0, 2)))  # (longest, sentences, labels)
        # [0] runs forward (row vector times the matrix), [1] backward (the transposed matrix); laid
        # out (from label, direction, 1, to label) so that the terms of a step are summed over their
        # first axis: contiguous blocks added one after the other, in the order of the labels, as
        # summing over a middle axis adds them, and about twice as fast
        exp_trans = np.exp(np.stack([transition, transition.T])).transpose(1, 0, 2)[:, :, None, :].copy()
        alpha = np.empty_like(exp_state)
        beta = np.empty_like(exp_state)
        ends = _ends(lengths)
        pair = np.empty((2, count, labels))
        pair[0] = exp_state[0]
        pair[1] = 1.0
        spare = np.empty_like(pair)
        terms = np.empty((labels, 2, count, labels))
        for k in range(longest):
            t = longest - 1 - k
            if k:
                np.multiply(pair.transpose(2, 0, 1)[:, :, :, None], exp_trans, out=terms)
                np.add.reduce(terms, axis=0, out=spare)
                pair, spare = spare, pair
                pair[0] *= exp_state[k]
            done = ends.get(t)
            if done is not None:
                pair[1, done] = 1.0
            pair /= pair.sum(axis=2, keepdims=True)
            alpha[k] = pair[0]
            beta[t] = pair[1]
            pair[1] *= exp_state[t]
        product = alpha * beta
        product /= product.sum(axis=2, keepdims=True)
        return product.transpose(1, 0, 2)


__all__ = ["ModelFormatError", "Weights", "marginals", "read_crfsuite", "viterbi"]
