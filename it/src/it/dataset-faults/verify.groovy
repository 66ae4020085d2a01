// Each malformed dataset fails its own cell, in its own JVM, with the engine's one message naming the file,
// the place (record, line, byte) and the problem; the synthetic cell still passes.
import groovy.json.JsonSlurper

File out = new File(basedir, 'target/ff-benchmark')
String log = new File(basedir, 'build.log').getText('UTF-8')
def results = new JsonSlurper().parse(new File(out, 'results.json'))
def file = { String relative -> new File(basedir, relative).toPath().toAbsolutePath().normalize().toString() }
String rejected = 'the engine rejected the cell (exit code 2: bad spec or dataset): '

assert results.cells*.id == ['backprop-d2-w16-s1', 'backprop-d2-w16-s1-idx_label-out-of-range',
        'backprop-d2-w16-s1-csv_truncated-csv', 'backprop-d2-w16-s1-cifar10_bad-cifar',
        'ff-base-symba-d2-w16-s1-idx_tiny-3x3']
assert results.cells*.status == ['passed', 'failed', 'failed', 'failed', 'failed']
def failures = results.cells.drop(1)*.failure

assert failures[0] == rejected + "t10k-labels-idx1-ubyte (${file('label-out-of-range/t10k-labels-idx1-ubyte')}):" +
        " label of record 3 is 12; allowed: 0..9 (10 classes: the training split's labels 0..9; declare K with" +
        " classes=K if the training split lacks the last classes)"
assert failures[1] == rejected + "mnist_test.csv (${file('truncated-csv/mnist_test.csv')}): line 6 has 3 values;" +
        " allowed: 5 (a label and 4 pixel values, as on line 1); a line cut short is a truncated file"
assert failures[2] == rejected + "data_batch_2.bin (${file('bad-cifar/data_batch_2.bin')}): 4,073 bytes are not a" +
        " whole number of 3,073-byte records (a label byte, then 32x32 red, green and blue planes): record 1 (from" +
        " byte 3,073) has 1,000 bytes; allowed: the CIFAR-10 binary version, whose batches hold 10,000 records" +
        " (30,730,000 bytes)"
assert failures[3] == rejected + "invalid experiment spec: labelMode is 'overlay', but dataset idx:tiny-3x3 has 9" +
        " inputs per image (3x3), fewer than its 10 classes: the one-hot label cannot be overlaid; allowed:" +
        " labelMode=append (the label as 10 extra inputs)"

assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project dataset-faults: 4 of 5 cells failed/
failures.each { assert log.contains(it) : "the build names ${it}" }
assert !log.contains('IndexOutOfBounds') : 'no crash'
return true
