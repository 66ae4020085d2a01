// Issue 13, kind 1: BASE + a rule on depth 7 passed with a warning. Every gate that could judge nothing is
// now one configuration error, before any cell runs, naming the rule, its selection and what the matrix has.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /\[ERROR\] Failed to execute goal dev\.ffbench:ff-maven-plugin:[^:\s]+:benchmark \(default-cli\) on project gates-judge-nothing: ff-maven-plugin: 3 problems:\R/
assert log.contains("[ERROR]   rules[1] (depth=7, testAccuracy at least 99.00 %) selects no cell of the matrix (the matrix's 1 cell has depth 1); allowed: a selection that matches at least one cell, since a rule that selects none would pass without judging anything\n")
assert log.contains("[ERROR]   rules[2] (all cells, secondsToAccuracy at most 60.00 s) selects cells without a targetAccuracy (backprop-d1-w16-s1), whose secondsToAccuracy is never measured; allowed: a targetAccuracy for every cell it judges (e.g. settings: targetAccuracy=0.9, with evaluateEvery=1 for a finer curve), or a selection of cells that have one\n")
assert log.contains("[ERROR]   ratios[1] (ff-base vs backprop, all cells, trainingPeakBytes at most 0.500 x backprop) selects no ff-base cell of the matrix (the matrix's 1 cell has algorithm backprop); allowed: a ratio whose algorithm and selection match at least one cell, since a ratio that judges no pair would pass without judging anything\n")
assert log.contains('MojoExecutionException') : 'a configuration error, not a failed gate'
assert !log.contains('FF Bench: ') : 'no cell ran'
assert !new File(basedir, 'target/ff-benchmark').exists() : 'nothing was written'
return true
