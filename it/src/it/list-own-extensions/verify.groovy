// ff:list names the project's own algorithm (test classes), goodness function and dataset source (classes)
// with their origins, beside the built-ins; ff:benchmark then names the project's goodness function and
// dataset source that its cell runs.
String log = new File(basedir, 'build.log').getText('UTF-8')
String classes = new File(basedir, 'target/classes').canonicalPath

assert log =~ /(?m)^\[INFO\] --- (ff|ff-maven-plugin):[^:\s]+:list \(default-cli\) @ list-own-extensions ---$/ : 'ff:list did not run'
String list = log.substring(log.indexOf(':list (default-cli)'), log.indexOf(':benchmark (default-cli)'))
[
    '[INFO] algorithms:',
    "[INFO]   ff-base (built in): Hinton's supervised Forward-Forward: label in the input, a local goodness loss per layer",
    '[INFO]     schedule = layerwise; allowed: layerwise, simultaneous. train layer 1 for all epochs, then layer 2 on'
            + ' streamed outputs of the frozen layer 1, ...; or every layer on every batch',
    "[INFO]   my-ff (the project's test classes (target/test-classes)): a Forward-Forward variant of the project's own",
    '[INFO]     rounds = 3; allowed: a whole number >= 1 and <= 9. passes over each batch',
    '[INFO] goodness functions:',
    '[INFO]   symba (built in)',
    "[INFO]   my-goodness (the project's classes (target/classes))",
    '[INFO] dataset sources:',
    '[INFO]   mnist-sample (built in)',
    "[INFO]   my-digits:SEED (the project's classes (target/classes))",
    '[INFO]   any other value: a directory of IDX files (built in)',
].each { line -> assert list.contains("\n${line}\n") : "ff:list does not print: ${line}" }
// the project's goodness function is offered where an algorithm's goodness option is listed
assert list.contains('[INFO]     goodness = symba; allowed: a goodness function: sum-squares, mean-squares, neg-sum-squares,'
        + ' symba, my-goodness. ')

assert log.contains("\n[INFO] project's own goodness function my-goodness (com.acme.MyGoodness) from ${classes}\n")
assert log.contains("\n[INFO] project's own dataset source my-digits (com.acme.MyDigits) from ${classes}\n")
assert log =~ /(?m)^\[INFO\] cell 1\/1 [^ ]+ done in / : 'the cell on the project dataset ran'
assert log.contains('BUILD SUCCESS')
return true
