import { lookup } from "./big.js";
import { twice } from "./small.js";

globalThis.compute = (index) => twice(lookup(index));
