/*
 * Your ElevenLabs agent talks to the contact (the connection follows below).
 */
let client = null;
let conversationId = null;

async function startConversation() {
  try {
    const created = await connectAgent((reason) => teardown(reason, true, null));
    if (finished) {
      /* The contact hung up while the agent was connecting. */
      created.close();
      return;
    }
    client = created;

    client.addEventListener(ElevenLabs.AgentsEvents.ConversationInitiationMetadata, (ev) => {
      const id = conversationIdOf(ev);
      if (id === null || conversationId !== null) return;
      conversationId = id;
      storeConversationId(id);
      report(answeredResult(id), false);
    });
    client.addEventListener(ElevenLabs.AgentsEvents.Interruption, () => {
      /* Barge-in: drop the agent's queued audio. */
      client.clearMediaBuffer();
    });

    /* Dynamic variables go before the media bridge, so that the agent's
     * first words can use them. */
    client.conversationInitiationClientData({ dynamic_variables: contactVariables() });
    VoxEngine.sendMediaBetween(call, client);
  } catch (err) {
    log('could not connect the agent: ' + (err && err.message ? err.message : err));
    teardown('agent unavailable', true, { data: { outcome: 'agent_unavailable' }, retry: true });
  }
}

function endConversation() {
  if (client !== null) client.close();
}
