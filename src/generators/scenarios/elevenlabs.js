/*
 * The connection to your ElevenLabs agent.
 */
require(Modules.ElevenLabs);

const EL_AGENT_ID = __GOVORUN_ELEVENLABS_AGENT_ID__;
/* The ElevenLabs API key, VoxEngine connects to the agent with it: read
 * from this application's secret storage (the secret's name), or, when the
 * account has no secret storage, written here. */
const EL_API_KEY_SECRET = __GOVORUN_ELEVENLABS_API_KEY_SECRET__;
const EL_API_KEY = __GOVORUN_ELEVENLABS_API_KEY__;
const SECRET_READER = 'getSecretValue';
/* Data-residency host, or null for the module's default. */
const EL_BASE_URL = __GOVORUN_ELEVENLABS_BASE_URL__;
const EL_BASE_URL_OPTION = 'baseUrl';
/* VoxEngine.customData() takes at most 200 bytes. */
const CUSTOM_DATA_MAX_BYTES = 200;

/* Connects to the agent; onClose(reason) runs when the agent's side ends. */
async function connectAgent(onClose) {
  let key = EL_API_KEY;
  if (EL_API_KEY_SECRET !== null) {
    key = VoxEngine[SECRET_READER](EL_API_KEY_SECRET);
    if (typeof key !== 'string' || key === '')
      log('the ElevenLabs API key is missing from the application secrets (' + EL_API_KEY_SECRET + ')');
  }
  const options = {
    xiApiKey: key,
    agentId: EL_AGENT_ID,
    includeConversationId: true,
    onWebSocketClose: (ev) => onClose('agent connection closed' + (ev && ev.code ? ' ' + ev.code : '')),
  };
  if (EL_BASE_URL !== null) options[EL_BASE_URL_OPTION] = EL_BASE_URL;
  return ElevenLabs.createAgentsClient(options);
}

function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/* The id may come in event.data.payload or event.data, whole or inside
 * conversation_initiation_metadata_event. */
function conversationIdOf(event) {
  let d = event && event.data;
  if (d && d.payload) d = d.payload;
  if (!d) return null;
  if (d.conversation_initiation_metadata_event) d = d.conversation_initiation_metadata_event;
  return typeof d.conversation_id === 'string' && d.conversation_id !== '' ? d.conversation_id : null;
}

function storeConversationId(id) {
  /* Compact on purpose: history sync joins on these keys. An outbound
   * campaign's session also keeps its campaign and contact. */
  const join = typeof sessionJoinData === 'function' ? sessionJoinData() : {};
  let data = JSON.stringify(Object.assign({ el_conv: id }, join));
  if (utf8Length(data) > CUSTOM_DATA_MAX_BYTES) data = JSON.stringify({ el_conv: id });
  if (utf8Length(data) > CUSTOM_DATA_MAX_BYTES) {
    log('conversation id too long for session custom data, not stored');
    return;
  }
  VoxEngine.customData(data);
}
