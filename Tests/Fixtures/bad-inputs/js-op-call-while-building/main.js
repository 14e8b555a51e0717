core.ops.op_print('hi', false);
