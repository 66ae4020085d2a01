// The change under test: the user's algorithm now keeps one more activation-sized array per step
// (2 x 64 rows x 256 units of float, 131,072 bytes) than the committed baseline was measured with.
File model = new File(basedir, 'src/main/java/com/example/ff/CollaborativeFf.java')
String line = '                INDArray total = Nd4j.zeros(DataType.FLOAT, rows.rows(), 1);\n'
String source = model.getText('UTF-8')
assert source.contains(line) : 'the example still has the line this test changes'
model.write(source.replace(line, line + '                INDArray keptForLater = carry.dup();\n'), 'UTF-8')
return true
