import { EventTarget } from "base:src/events/event_target.js";
