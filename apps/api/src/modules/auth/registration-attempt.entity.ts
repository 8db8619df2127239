import { CreateDateColumn, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every registration attempt that passed validation, by client IP: the source of truth for
 * the registration throttle (works the same for one API process or many).
 */
@Entity({ name: 'registration_attempts' })
@Index('registration_attempts_ip_created_idx', ['ip', 'createdAt'])
export class RegistrationAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  ip: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
