String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('on project empty-matrix: ff-maven-plugin: the experiment matrix is empty: includes/excludes leave none of the 1 cells of algorithms x goodness x depths x widths x seeds, and no extraCells are configured; an empty matrix is an error, not a pass: relax includes/excludes or add extraCells')
assert log.contains('MojoExecutionException')
assert !new File(basedir, 'target/ff-benchmark/results.json').exists() : 'nothing ran'
return true
