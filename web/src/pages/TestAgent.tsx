/** "Test your agent": the chat tester. */
import { ChatBox } from '../parts/chat.js';
import { PageHead } from '../ui.js';

/** The page. */
export default function TestAgent() {
  return <><PageHead title="Test your agent" /><ChatBox /></>;
}
