import { minuteShift, pickOption } from '../../../src/brain/nlu/intent.js';
for (const t of ['30 minutes later', 'an hour earlier', 'push it back an hour', 'bring it forward half an hour', 'can you make it 15 mins later', 'move it back by 2 hours', 'later please', 'whichever is earlier', 'the sooner one']) console.log(t, minuteShift(t), pickOption(t));
