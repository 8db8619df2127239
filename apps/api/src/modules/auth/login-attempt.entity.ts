import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every login attempt, kept as a security log and as the source of truth for throttling
 * (counting recent failures works the same for one API process or many).
 */
@Entity({ name: 'login_attempts' })
@Index('login_attempts_email_ip_created_idx', ['email', 'ip', 'createdAt'])
@Index('login_attempts_ip_created_idx', ['ip', 'createdAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'boolean' })
  succeeded: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
