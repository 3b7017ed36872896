package io.libactors.spring.test;

import java.time.Duration;

import io.libactors.Actor;
import io.libactors.Context;
import io.libactors.Message;
import io.libactors.MessageHandler;
import io.libactors.Schedule;
import io.libactors.spring.ActorComponent;

/** Reminds whoever watches, every hour: an actor of the slice tests' application. */
@ActorComponent("reminder")
class Reminder implements Actor {

	record Watch(String watcher) implements Message {
	}

	record Remind() implements Message {
	}

	private String watcher = "";

	@Override
	public void initialize(Context context) {
		context.timers().schedule("hourly", new Remind(), Schedule.every(Duration.ofHours(1)));
	}

	@MessageHandler
	void onWatch(Watch watch) {
		this.watcher = watch.watcher();
	}

	@MessageHandler
	void onRemind(Context context, Remind remind) {
		if (!this.watcher.isEmpty()) {
			context.proxy(this.watcher).tell(remind);
		}
	}

}
