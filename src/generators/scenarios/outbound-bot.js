/*
 * Your HTTP bot talks to the contact (the conversation follows below).
 */
let conversation = null;

function startConversation() {
  conversation = botConversation(call, job.phone);
  conversation.start();
}

async function endConversation() {
  if (conversation !== null) await conversation.end(true);
}
