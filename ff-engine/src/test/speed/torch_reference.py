# PyTorch 1.13 CPU reference for speed ratios (issue 23): the 2022 app's FF Base (mohammadpz-style:
# label overlaid on the first 10 pixels, length-normalized input, ReLU, goodness = mean of squares,
# threshold 2, softplus loss, Adam 0.03, layerwise: each layer trains all its epochs, then the next)
# and a backprop MLP (Adam 0.001, cross-entropy), 784-500-500, 256 positives per step.
# usage: python3 torch_reference.py {ff|backprop} EPOCHS THREADS DATA_DIR [TARGET]
# TARGET (e.g. 0.9): also evaluate the test split after every epoch of the last layer (FF) or every epoch
# (backprop), outside the timed training, and print the training seconds at which it first reached TARGET,
# as the engine's benchmark does with targetAccuracy and evaluateEvery=1.
import argparse, gzip, os, struct, time
import numpy as np, torch
def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"is {value}; allowed: a whole number >= 1")
    return value
def fraction(text):
    value = float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"is {value}; allowed: a test accuracy in (0, 1], e.g. 0.9")
    return value
IDX_FILES = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
def idx_directory(text):
    allowed = "a directory holding " + ", ".join(IDX_FILES)
    if not os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a directory; allowed: {allowed}")
    missing = [name for name in IDX_FILES if not os.path.isfile(os.path.join(text, name))]
    if missing:
        raise argparse.ArgumentTypeError(f"'{text}' has no {', '.join(missing)}; allowed: {allowed}")
    return text
parser = argparse.ArgumentParser(description="PyTorch reference of the engine's FF Base and backprop speed (issue 23)")
parser.add_argument("algo", choices=["ff", "backprop"])
parser.add_argument("epochs", type=positive)
parser.add_argument("threads", type=positive, help="torch.set_num_threads (OpenBLAS keeps its own threads)")
parser.add_argument("data", type=idx_directory)
parser.add_argument("target", type=fraction, nargs="?", default=None)
args = parser.parse_args()
algo, epochs, threads, data, target = args.algo, args.epochs, args.threads, args.data, args.target
reached = None
torch.set_num_threads(threads); torch.manual_seed(1)
def idx(name):
    with gzip.open(f"{data}/{name}", "rb") as f:
        raw = f.read()
    magic = struct.unpack(">I", raw[:4])[0]; dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
xtr = torch.tensor(idx("train-images-idx3-ubyte.gz").reshape(-1, 784), dtype=torch.float32) / 255
ytr = torch.tensor(idx("train-labels-idx1-ubyte.gz"), dtype=torch.long)
xte = torch.tensor(idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784), dtype=torch.float32) / 255
yte = torch.tensor(idx("t10k-labels-idx1-ubyte.gz"), dtype=torch.long)
B = 256
def overlay(x, y):
    x = x.clone(); x[:, :10] = 0; x[torch.arange(len(x)), y] = x.max(); return x
class Layer(torch.nn.Linear):
    def forward(self, x):
        return torch.relu(super().forward(x / (x.norm(2, 1, keepdim=True) + 1e-4)))
def ff_accuracy(layers):
    with torch.no_grad():
        scores = []
        for k in range(10):
            h = overlay(xte, torch.full_like(yte, k)); g = 0
            for layer in layers:
                h = layer(h); g = g + h.pow(2).mean(1)
            scores.append(g)
        return (torch.stack(scores, 1).argmax(1) == yte).float().mean().item()
if algo == "ff":
    layers = [Layer(784, 500), Layer(500, 500)]
    start = time.perf_counter(); untimed = 0.0
    for layer in layers:
        opt = torch.optim.Adam(layer.parameters(), lr=0.03)
        for e in range(epochs):
            perm = torch.randperm(len(xtr))
            for s in range(0, len(xtr), B):
                i = perm[s:s + B]; x, y = xtr[i], ytr[i]
                yn = (y + torch.randint(1, 10, y.shape)) % 10
                hp, hn = overlay(x, y), overlay(x, yn)
                with torch.no_grad():
                    for below in layers[:layers.index(layer)]:
                        hp, hn = below(hp), below(hn)
                gp = layer(hp).pow(2).mean(1); gn = layer(hn).pow(2).mean(1)
                loss = torch.log(1 + torch.exp(torch.cat([-gp + 2.0, gn - 2.0]))).mean()
                opt.zero_grad(); loss.backward(); opt.step()
            if target is not None and reached is None and layer is layers[-1]:
                paused = time.perf_counter()
                if ff_accuracy(layers) >= target:
                    reached = paused - start - untimed
                untimed += time.perf_counter() - paused
    seconds = time.perf_counter() - start - untimed
    acc = ff_accuracy(layers)
else:
    net = torch.nn.Sequential(torch.nn.Linear(784, 500), torch.nn.ReLU(), torch.nn.Linear(500, 500), torch.nn.ReLU(), torch.nn.Linear(500, 10))
    opt = torch.optim.Adam(net.parameters(), lr=0.001)
    start = time.perf_counter(); untimed = 0.0
    for e in range(epochs):
        perm = torch.randperm(len(xtr))
        for s in range(0, len(xtr), B):
            i = perm[s:s + B]
            loss = torch.nn.functional.cross_entropy(net(xtr[i]), ytr[i])
            opt.zero_grad(); loss.backward(); opt.step()
        if target is not None and reached is None:
            paused = time.perf_counter()
            with torch.no_grad():
                if (net(xte).argmax(1) == yte).float().mean().item() >= target:
                    reached = paused - start - untimed
            untimed += time.perf_counter() - paused
    seconds = time.perf_counter() - start - untimed
    with torch.no_grad():
        acc = (net(xte).argmax(1) == yte).float().mean().item()
print(f"torch {algo} epochs={epochs} threads={threads} samples/s={len(xtr) * epochs / seconds:.0f} train_s={seconds:.2f} test_acc={acc * 100:.2f}"
      + ("" if target is None else f" reached_{target:g}_after_s={reached:.2f}" if reached is not None else f" {target:g}_not_reached"))
