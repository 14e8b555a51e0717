[1].findLast((x) => x);
