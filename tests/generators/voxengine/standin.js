/* standin.js
 *
 * Copyright 2026 The Govorun authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * A VoxEngine stand-in for node: models exactly the platform APIs that
 * Govorun's generated scenarios use (per the v28 typings, see
 * shared/reference/voximplant.md §3), records every call into it, and lets
 * a test drive platform events. It is strict: touching an API it does not
 * model throws and is recorded in session.errors, so a scenario cannot
 * quietly depend on something untested.
 *
 * A scenario runs in its own vm context; arguments it passes are recorded
 * both as given (`args`) and as plain JSON copies made in this realm
 * (`plain`), which assert.deepStrictEqual can compare.
 */
'use strict';

const vm = require('node:vm');

const APP_EVENTS = {
  CallAlerting: 'Application.CallAlerting',
  Started: 'Application.Started',
  Terminating: 'Application.Terminating',
  Terminated: 'Application.Terminated',
  HttpRequest: 'Application.HttpRequest',
};

const CALL_EVENTS = {
  Connected: 'Call.Connected',
  Disconnected: 'Call.Disconnected',
  Failed: 'Call.Failed',
  RecordStarted: 'Call.RecordStarted',
  RecordStopped: 'Call.RecordStopped',
  RecordError: 'Call.RecordError',
  PlaybackFinished: 'Call.PlaybackFinished',
  Ringing: 'Call.Ringing',
  AudioStarted: 'Call.AudioStarted',
  ToneReceived: 'Call.ToneReceived',
};

const ASR_EVENTS = {
  Started: 'ASR.Started',
  CaptureStarted: 'ASR.CaptureStarted',
  SpeechCaptured: 'ASR.SpeechCaptured',
  Result: 'ASR.Result',
  InterimResult: 'ASR.InterimResult',
  ASRError: 'ASR.Error',
  Stopped: 'ASR.Stopped',
};

const AGENTS_EVENT_NAMES = [
  'ConversationInitiationMetadata', 'Ping', 'UserTranscript', 'AgentResponse',
  'AgentResponseCorrection', 'Interruption', 'ContextualUpdate', 'ClientToolCall',
  'VadScore', 'InternalTentativeAgentResponse', 'AgentToolResponse',
  'ConnectorInformation', 'HTTPResponse', 'WebSocketError', 'Unknown',
];

const MODULES = { ElevenLabs: 'elevenlabs', ASR: 'asr' };

/* A small catalogue: a leaf's value is its own path, so tests can compare. */
const CATALOGUES = {
  ASRProfileList: {
    Google: ['ru_RU', 'en_US'],
    Yandex: ['ru_RU'],
  },
  VoiceList: {
    Google: ['ru_RU_Wavenet_A', 'ru_RU_Wavenet_B', 'en_US_Neural2_C'],
    Amazon: ['en_US_Joanna'],
  },
};

const CUSTOM_DATA_MAX_BYTES = 200;

function plainCopy(value) {
  return JSON.parse(JSON.stringify(value === undefined ? null : value, (k, v) =>
    typeof v === 'function' ? '[function]' : v));
}

class Session {
  constructor(options = {}) {
    this.options = options;
    this.records = [];
    this.errors = [];
    this.logs = [];
    this.appListeners = new Map();
    this.calls = [];
    this.clients = [];
    this.asrs = [];
    this.customData = options.customData === undefined ? '' : options.customData;
    this.terminated = false;
    this.timers = new Set();
    this.http = options.http || null;
    this.elevenLabs = options.elevenLabs || {};
    /* The application's secret storage: name → value. */
    this.secrets = options.secrets || {};
    this.modules = new Set();
    this.nextId = 1;
  }

  /* -- recording and strictness -- */

  record(api, args) {
    const entry = { api, args, plain: plainCopy(Array.from(args)) };
    this.records.push(entry);
    if (this.terminated && api !== 'Logger.write')
      this.fail(`${api} called after VoxEngine.terminate()`);
    return entry;
  }

  fail(message) {
    const err = new Error('VoxEngine stand-in: ' + message);
    this.errors.push(err.message);
    return err;
  }

  strict(target, name) {
    const session = this;
    return new Proxy(target, {
      get(t, prop, receiver) {
        /* Promise resolution, JSON and inspection probe these; not APIs. */
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON' ||
            prop === 'constructor' || prop === 'inspect')
          return Reflect.get(t, prop, receiver);
        if (!(prop in t))
          throw session.fail(`${name}.${String(prop)} is not modelled`);
        return Reflect.get(t, prop, receiver);
      },
      set(t, prop) {
        throw session.fail(`${name}.${String(prop)} cannot be assigned`);
      },
    });
  }

  calledApis(api) {
    return this.records.filter((r) => r.api === api);
  }

  indexOf(api) {
    return this.records.findIndex((r) => r.api === api);
  }

  /* Catches a listener's synchronous throw and its rejected promise. */
  invoke(what, listener, event) {
    try {
      const result = listener(event);
      if (result && typeof result.then === 'function')
        result.then(undefined, (err) => this.errors.push(`${what} listener rejected: ${err && err.stack || err}`));
    } catch (err) {
      this.errors.push(`${what} listener threw: ${err && err.stack || err}`);
    }
  }

  dispatch(listeners, what, event) {
    for (const listener of Array.from(listeners.get(event.name) || []))
      this.invoke(what, listener, event);
  }

  /* -- the scenario's globals -- */

  buildGlobals() {
    const session = this;

    const VoxEngine = {
      addEventListener(event, handler) {
        session.record('VoxEngine.addEventListener', arguments);
        if (!Object.values(APP_EVENTS).includes(event))
          throw session.fail(`unknown AppEvents value ${event}`);
        addTo(session.appListeners, event, handler);
      },
      customData(data) {
        session.record('VoxEngine.customData', arguments);
        if (data === undefined) return session.customData;
        if (typeof data !== 'string')
          throw session.fail('VoxEngine.customData takes a string');
        if (Buffer.byteLength(data, 'utf8') > CUSTOM_DATA_MAX_BYTES)
          throw session.fail(`VoxEngine.customData over ${CUSTOM_DATA_MAX_BYTES} bytes`);
        session.customData = data;
        return data;
      },
      terminate() {
        session.record('VoxEngine.terminate', arguments);
        session.terminated = true;
        for (const t of session.timers) clearTimeout(t);
        session.timers.clear();
      },
      callPSTN(number, callerid) {
        session.record('VoxEngine.callPSTN', arguments);
        if (typeof number !== 'string' || typeof callerid !== 'string')
          throw session.fail('VoxEngine.callPSTN takes two strings');
        return session.newCall({ incoming: false, number, callerid }).api;
      },
      sendMediaBetween(a, b) {
        session.record('VoxEngine.sendMediaBetween', arguments);
        if (!session.isMediaUnit(a) || !session.isMediaUnit(b))
          throw session.fail('VoxEngine.sendMediaBetween takes two media units');
      },
      getSecretValue(name) {
        session.record('VoxEngine.getSecretValue', arguments);
        if (typeof name !== 'string')
          throw session.fail('VoxEngine.getSecretValue takes a string');
        return Object.prototype.hasOwnProperty.call(session.secrets, name) ? session.secrets[name] : undefined;
      },
      createASR(params) {
        session.record('VoxEngine.createASR', arguments);
        if (!session.modules.has(MODULES.ASR))
          throw session.fail('VoxEngine.createASR without require(Modules.ASR)');
        return session.newASR(params).api;
      },
    };

    const Logger = {
      write(message) {
        session.record('Logger.write', arguments);
        session.logs.push(String(message));
      },
    };

    const CallList = {
      reportResult(result, callback) {
        session.record('CallList.reportResult', arguments);
        session.answerLater(callback);
      },
      reportError(error, callback) {
        session.record('CallList.reportError', arguments);
        session.answerLater(callback);
      },
      /* Reference §3 CallList: edits the task (start_at, attempts_left, …)
       * and asks for another attempt. */
      requestNextAttempt(data, callback) {
        session.record('CallList.requestNextAttempt', arguments);
        const known = ['start_at', 'attempts_left', 'custom_data', 'start_execution_time', 'end_execution_time',
          'next_attempt_time'];
        if (data === null || typeof data !== 'object' || Object.keys(data).some((k) => !known.includes(k)))
          throw session.fail('CallList.requestNextAttempt takes an object of the task fields it can edit');
        session.answerLater(callback);
      },
    };

    const Net = {
      httpRequestAsync(url, options) {
        session.record('Net.httpRequestAsync', arguments);
        if (typeof session.http !== 'function')
          throw session.fail('Net.httpRequestAsync without a scripted response');
        const request = { url, options: plainCopy(options) };
        return Promise.resolve().then(() => session.http(request)).then((r) =>
          Object.assign({ code: 200, text: '', headers: [], raw_headers: '', error: '' }, r));
      },
    };

    const globals = {
      VoxEngine: this.strict(VoxEngine, 'VoxEngine'),
      AppEvents: this.strict(APP_EVENTS, 'AppEvents'),
      CallEvents: this.strict(CALL_EVENTS, 'CallEvents'),
      Modules: this.strict(MODULES, 'Modules'),
      Logger: this.strict(Logger, 'Logger'),
      CallList: this.strict(CallList, 'CallList'),
      Net: this.strict(Net, 'Net'),
      VoiceList: this.catalogue('VoiceList'),
      require(name) {
        session.record('require', arguments);
        if (!Object.values(MODULES).includes(name))
          throw session.fail(`require(${name}) is not modelled`);
        session.modules.add(name);
        if (name === MODULES.ElevenLabs) session.context.ElevenLabs = session.buildElevenLabs();
        if (name === MODULES.ASR) {
          session.context.ASREvents = session.strict(ASR_EVENTS, 'ASREvents');
          session.context.ASRProfileList = session.catalogue('ASRProfileList');
        }
      },
      setTimeout(fn, ms) {
        const t = setTimeout(() => {
          session.timers.delete(t);
          session.invoke('setTimeout', fn);
        }, ms);
        t.unref();
        session.timers.add(t);
        return t;
      },
      clearTimeout(t) {
        session.timers.delete(t);
        clearTimeout(t);
      },
    };
    return globals;
  }

  catalogue(root) {
    const build = (node, path) => {
      const target = {};
      if (Array.isArray(node)) node.forEach((leaf) => { target[leaf] = `${path}.${leaf}`; });
      else Object.keys(node).forEach((key) => { target[key] = build(node[key], `${path}.${key}`); });
      return this.strict(target, path);
    };
    return build(CATALOGUES[root], root);
  }

  buildElevenLabs() {
    const session = this;
    const agentsEvents = {};
    AGENTS_EVENT_NAMES.forEach((n) => { agentsEvents[n] = `ElevenLabs.Agents.${n}`; });
    const ElevenLabs = {
      AgentsEvents: this.strict(agentsEvents, 'ElevenLabs.AgentsEvents'),
      Events: this.strict({
        WebSocketMediaStarted: 'ElevenLabs.Events.WebSocketMediaStarted',
        WebSocketMediaEnded: 'ElevenLabs.Events.WebSocketMediaEnded',
      }, 'ElevenLabs.Events'),
      createAgentsClient(params) {
        session.record('ElevenLabs.createAgentsClient', arguments);
        if (!params || typeof params.xiApiKey !== 'string' || typeof params.agentId !== 'string')
          return Promise.reject(session.fail('createAgentsClient needs xiApiKey and agentId strings'));
        const fake = session.newClient(params);
        const behaviour = session.elevenLabs;
        if (behaviour.reject)
          return Promise.reject(new Error(behaviour.reject));
        if (behaviour.deferred) {
          /* The test resolves it: session.resolveClient(). */
          return new Promise((resolve) => { fake.resolve = () => resolve(fake.api); });
        }
        return Promise.resolve(fake.api);
      },
    };
    return this.strict(ElevenLabs, 'ElevenLabs');
  }

  isMediaUnit(unit) {
    return this.calls.some((c) => c.api === unit) || this.clients.some((c) => c.api === unit) ||
      this.asrs.some((a) => a.api === unit);
  }

  answerLater(callback) {
    if (callback === undefined) return;
    if (typeof callback !== 'function') throw this.fail('callback is not a function');
    setImmediate(() => {
      /* Recorded, so a test can see the answer came before terminate(). */
      this.record('CallList.callback', []);
      this.invoke('CallList callback', callback, { code: 200, text: '' });
    });
  }

  /* -- platform objects -- */

  newCall({ incoming, number, callerid }) {
    const session = this;
    const id = `call-${this.nextId++}`;
    const listeners = new Map();
    const call = { id, incoming, number, callerid, listeners, state: incoming ? 'ALERTING' : 'PROGRESSING' };
    const api = {
      id() { return id; },
      callerid() { return callerid; },
      number() { return number; },
      answer() {
        session.record('call.answer', arguments);
        if (!incoming || call.state !== 'ALERTING')
          throw session.fail('call.answer on a call that is not ringing in');
        call.state = 'CONNECTING';
        if (session.options.autoConnect !== false)
          setImmediate(() => session.fire(call, CALL_EVENTS.Connected, {}));
      },
      hangup() {
        session.record('call.hangup', arguments);
        /* VoxEngine reports our own hang-up with Disconnected, too. */
        if (call.state !== 'DISCONNECTED' && call.state !== 'FAILED')
          setImmediate(() => session.fire(call, CALL_EVENTS.Disconnected, { reason: 'hangup', duration: 1 }));
      },
      record(params) {
        session.record('call.record', arguments);
        if (call.state !== 'CONNECTED') throw session.fail('call.record before the call is connected');
      },
      say(text, params) {
        session.record('call.say', arguments);
        if (call.state !== 'CONNECTED') throw session.fail('call.say before the call is connected');
        if (typeof text !== 'string') throw session.fail('call.say takes a string');
      },
      sendMediaTo(unit) {
        session.record('call.sendMediaTo', arguments);
        if (!session.isMediaUnit(unit)) throw session.fail('call.sendMediaTo takes a media unit');
      },
      addEventListener(event, handler) {
        if (!Object.values(CALL_EVENTS).includes(event))
          throw session.fail(`unknown CallEvents value ${event}`);
        addTo(listeners, event, handler);
      },
      removeEventListener(event, handler) { removeFrom(listeners, event, handler); },
    };
    call.api = this.strict(api, 'Call');
    this.calls.push(call);
    return call;
  }

  newClient(params) {
    const session = this;
    const listeners = new Map();
    const id = `client-${this.nextId++}`;
    const fake = { id, params, listeners, closed: 0 };
    const passThrough = (name) => function (obj) {
      session.record(`client.${name}`, arguments);
      if (obj === null || typeof obj !== 'object') throw session.fail(`client.${name} takes an object`);
    };
    const api = {
      id() { return id; },
      webSocketId() { return `ws-${id}`; },
      close() {
        session.record('client.close', arguments);
        fake.closed++;
      },
      sendMediaTo(unit) { session.record('client.sendMediaTo', arguments); },
      stopMediaTo(unit) { session.record('client.stopMediaTo', arguments); },
      clearMediaBuffer() { session.record('client.clearMediaBuffer', arguments); },
      addEventListener(event, handler) {
        if (typeof event !== 'string' || !event.startsWith('ElevenLabs.'))
          throw session.fail(`unknown ElevenLabs event ${event}`);
        addTo(listeners, event, handler);
      },
      removeEventListener(event, handler) { removeFrom(listeners, event, handler); },
      conversationInitiationClientData: passThrough('conversationInitiationClientData'),
      clientToolResult: passThrough('clientToolResult'),
      contextualUpdate: passThrough('contextualUpdate'),
      userMessage: passThrough('userMessage'),
    };
    fake.api = this.strict(api, 'ElevenLabs.AgentsClient');
    this.clients.push(fake);
    return fake;
  }

  newASR(params) {
    const session = this;
    const listeners = new Map();
    const asr = { params, listeners, stopped: false };
    const api = {
      addEventListener(event, handler) {
        if (!Object.values(ASR_EVENTS).includes(event))
          throw session.fail(`unknown ASREvents value ${event}`);
        addTo(listeners, event, handler);
      },
      removeEventListener(event, handler) { removeFrom(listeners, event, handler); },
      stop() {
        session.record('asr.stop', arguments);
        asr.stopped = true;
      },
    };
    asr.api = this.strict(api, 'ASR');
    this.asrs.push(asr);
    return asr;
  }

  /* -- driving events (test side) -- */

  fire(call, name, fields) {
    /* After terminate() only Terminating/Terminated would fire. */
    if (this.terminated) return;
    if (name === CALL_EVENTS.Connected) call.state = 'CONNECTED';
    if (name === CALL_EVENTS.Disconnected) {
      if (call.state === 'DISCONNECTED') return;
      call.state = 'DISCONNECTED';
    }
    if (name === CALL_EVENTS.Failed) call.state = 'FAILED';
    const event = Object.assign({ name, call: call.api, id: call.id, headers: {} }, fields);
    this.dispatch(call.listeners, `Call ${name}`, event);
  }

  fireApp(name, fields) {
    this.dispatch(this.appListeners, name, Object.assign({ name }, fields));
  }

  start(fields = {}) {
    this.fireApp(APP_EVENTS.Started, Object.assign({
      sessionId: '4242', accountId: 1, applicationId: 2,
      accessURL: 'http://127.0.0.1/', accessSecureURL: 'https://127.0.0.1/', logURL: '',
    }, fields));
  }

  /* Rings the scenario with an inbound call; returns the call record. */
  ring({ callerid = '79161234567', destination = '74951234567' } = {}) {
    const call = this.newCall({ incoming: true, number: destination, callerid });
    this.fireApp(APP_EVENTS.CallAlerting, {
      call: call.api, callerid, destination, displayName: '', headers: {}, customData: '',
      toURI: '', fromURI: '', scheme: 'sip',
    });
    return call;
  }

  emitAgent(client, shortName, data) {
    const name = `ElevenLabs.Agents.${shortName}`;
    if (!AGENTS_EVENT_NAMES.includes(shortName)) throw new Error(`no such agents event ${shortName}`);
    this.dispatch(client.listeners, name, { name, client: client.api, data });
  }

  closeWebSocket(client, code = 1000) {
    const handler = client.params.onWebSocketClose;
    if (typeof handler === 'function') this.invoke('onWebSocketClose', handler, { code, reason: 'closed' });
  }

  fireASR(asr, name, fields) {
    this.dispatch(asr.listeners, name, Object.assign({ name, asr: asr.api }, fields));
  }

  async settle(rounds = 20) {
    for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
  }

  dispose() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

function addTo(map, event, handler) {
  if (typeof handler !== 'function') throw new TypeError('listener is not a function');
  if (!map.has(event)) map.set(event, []);
  map.get(event).push(handler);
}

function removeFrom(map, event, handler) {
  const list = map.get(event) || [];
  const i = list.indexOf(handler);
  if (i >= 0) list.splice(i, 1);
}

/* Loads a scenario's source into a fresh session. */
function loadScenario(source, options = {}) {
  const session = new Session(options);
  session.context = vm.createContext(session.buildGlobals());
  /* The platform's clock, when a test sets it (unix milliseconds). */
  if (options.now !== undefined)
    vm.runInContext(`Date.now = () => ${Number(options.now)};`, session.context);
  vm.runInContext(source, session.context, { filename: options.filename || 'scenario.js' });
  return session;
}

module.exports = { loadScenario, APP_EVENTS, CALL_EVENTS, ASR_EVENTS, MODULES };
