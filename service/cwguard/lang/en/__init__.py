"""English: vocabulary files (*.json, each entry with its source or reason) and a simple word
tokenizer (`tokens`)."""
